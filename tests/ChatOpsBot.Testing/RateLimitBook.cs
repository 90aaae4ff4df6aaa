using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace ChatOpsBot.Testing;

/// <summary>Per-route buckets (for realistic X-RateLimit-* headers) and 429s injected on demand.</summary>
internal sealed class RateLimitBook(FakeDiscordOptions options, TimeProvider time)
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, Injection> _injected = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (DateTimeOffset Start, int Count)> _windows = new(StringComparer.Ordinal);

    public void Inject(string route, int times, RateLimitScope scope, TimeSpan retryAfter)
    {
        lock (_gate)
        {
            _injected[route] = new Injection(times, scope, retryAfter);
        }
    }

    /// <param name="route">A <see cref="DiscordRoutes"/> constant.</param>
    /// <param name="major">The top-level resource (channel id, application id + token, interaction id).</param>
    public RateLimitDecision Take(string route, string major)
    {
        var now = time.GetUtcNow();
        var bucket = Bucket(route);
        lock (_gate)
        {
            foreach (var key in new[] { route, DiscordRoutes.Any })
            {
                if (_injected.TryGetValue(key, out var injection) && injection.Remaining > 0)
                {
                    injection.Remaining--;
                    return TooMany(injection.Scope, injection.RetryAfter, bucket, now);
                }
            }

            var windowKey = route + "|" + major;
            if (!_windows.TryGetValue(windowKey, out var window) || now >= window.Start + options.BucketWindow)
            {
                window = (now, 0);
            }

            window.Count++;
            _windows[windowKey] = window;
            var reset = window.Start + options.BucketWindow;
            var resetAfter = Math.Max(0, (reset - now).TotalSeconds);
            if (options.EnforceBucketLimits && window.Count > options.BucketLimit)
            {
                return TooMany(RateLimitScope.User, TimeSpan.FromSeconds(resetAfter), bucket, now);
            }

            return new RateLimitDecision(
                [
                    new("X-RateLimit-Limit", options.BucketLimit.ToString(CultureInfo.InvariantCulture)),
                    new("X-RateLimit-Remaining", Math.Max(0, options.BucketLimit - window.Count).ToString(CultureInfo.InvariantCulture)),
                    new("X-RateLimit-Reset", Seconds(reset.ToUnixTimeMilliseconds() / 1000.0)),
                    new("X-RateLimit-Reset-After", Seconds(resetAfter)),
                    new("X-RateLimit-Bucket", bucket),
                ],
                null);
        }
    }

    private static RateLimitDecision TooMany(RateLimitScope scope, TimeSpan retryAfter, string bucket, DateTimeOffset now)
    {
        var seconds = Math.Round(retryAfter.TotalSeconds, 3);
        var retryHeader = ((long)Math.Ceiling(seconds)).ToString(CultureInfo.InvariantCulture);
        var body = new JsonObject
        {
            ["message"] = scope == RateLimitScope.Shared ? "The resource is being rate limited." : "You are being rate limited.",
            ["retry_after"] = seconds,
            ["global"] = scope == RateLimitScope.Global,
        };
        List<KeyValuePair<string, string>> headers = [new("Retry-After", retryHeader)];
        if (scope == RateLimitScope.Global)
        {
            headers.Add(new("X-RateLimit-Global", "true"));
            headers.Add(new("X-RateLimit-Scope", "global"));
        }
        else
        {
            headers.Add(new("X-RateLimit-Limit", "5"));
            headers.Add(new("X-RateLimit-Remaining", "0"));
            headers.Add(new("X-RateLimit-Reset", Seconds((now + retryAfter).ToUnixTimeMilliseconds() / 1000.0)));
            headers.Add(new("X-RateLimit-Reset-After", Seconds(seconds)));
            headers.Add(new("X-RateLimit-Bucket", bucket));
            headers.Add(new("X-RateLimit-Scope", scope == RateLimitScope.Shared ? "shared" : "user"));
        }

        return new RateLimitDecision(headers, body);
    }

    private static string Seconds(double value) => value.ToString("0.###", CultureInfo.InvariantCulture);

    private static string Bucket(string route) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(route)))[..32];

    private sealed class Injection(int remaining, RateLimitScope scope, TimeSpan retryAfter)
    {
        public int Remaining { get; set; } = remaining;

        public RateLimitScope Scope { get; } = scope;

        public TimeSpan RetryAfter { get; } = retryAfter;
    }
}
