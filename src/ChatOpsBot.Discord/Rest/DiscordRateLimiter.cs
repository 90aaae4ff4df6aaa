using System.Collections.Concurrent;
using System.Globalization;
using System.Net.Http.Headers;

namespace ChatOpsBot.Discord.Rest;

/// <summary>
/// Client-side rate limiting for Discord's REST API (reference §4): buckets learnt from the <c>X-RateLimit-*</c>
/// headers, keyed by route template + top-level resource and mapped to Discord's bucket hash once revealed; a global
/// block after a global 429; and the 50 requests/second global limit, which applies to bot-token routes only
/// (interaction callbacks and webhook routes are not counted). Every wait goes through the injected TimeProvider.
/// </summary>
internal sealed class DiscordRateLimiter(TimeProvider time)
{
    public const int GlobalRequestsPerSecond = 50;

    /// <summary>Buckets are pruned only beyond this many.</summary>
    public const int PruneThreshold = 256;

    /// <summary>A bucket unused (and past its reset) for this long is forgotten.</summary>
    public static readonly TimeSpan IdleBucketLifetime = TimeSpan.FromMinutes(2);

    private static readonly TimeSpan GlobalWindow = TimeSpan.FromSeconds(1);

    private readonly ConcurrentDictionary<string, RateLimitBucket> _buckets = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, string> _bucketKeyOfRoute = new(StringComparer.Ordinal);
    private readonly Lock _globalLock = new();
    private readonly Queue<DateTimeOffset> _recentBotRequests = new();
    private DateTimeOffset _globalBlockedUntil = DateTimeOffset.MinValue;
    private DateTimeOffset _lastPrune = DateTimeOffset.MinValue;

    public DateTimeOffset Now => time.GetUtcNow();

    /// <summary>How many buckets are remembered (every interaction token has its own, so idle ones are pruned).</summary>
    public int BucketCount => _buckets.Count;

    /// <summary>The bucket a route's next request goes through.</summary>
    public RateLimitBucket BucketFor(DiscordRoute route)
    {
        var now = time.GetUtcNow();
        PruneIfDue(now);
        var key = _bucketKeyOfRoute.TryGetValue(route.LimitKey, out var mapped) ? mapped : route.LimitKey;
        var bucket = _buckets.GetOrAdd(key, static (_, template) => new RateLimitBucket(template), route.Template);
        bucket.LastUsed = now;
        return bucket;
    }

    /// <summary>Forgets buckets idle for a while past their reset (and route mappings to them), at most once per
    /// <see cref="IdleBucketLifetime"/> and only once there are many: a long-running bot sees a new interaction
    /// token, and so a new webhook bucket, for every command.</summary>
    private void PruneIfDue(DateTimeOffset now)
    {
        if (_buckets.Count <= PruneThreshold || now - _lastPrune < IdleBucketLifetime)
        {
            return;
        }

        _lastPrune = now;
        var cutoff = now - IdleBucketLifetime;
        foreach (var entry in _buckets)
        {
            var bucket = entry.Value;
            if (bucket.LastUsed < cutoff && bucket.ResetAt < cutoff && bucket.Gate.CurrentCount == 1)
            {
                _buckets.TryRemove(entry);
            }
        }

        foreach (var mapping in _bucketKeyOfRoute)
        {
            if (!_buckets.ContainsKey(mapping.Value))
            {
                _bucketKeyOfRoute.TryRemove(mapping);
            }
        }
    }

    /// <summary>Waits on the injected clock, rounded up to whole milliseconds: Task.Delay truncates to milliseconds,
    /// and a wait that ends a fraction early would find the limit still in force and spin.</summary>
    public Task DelayAsync(TimeSpan delay, CancellationToken cancellationToken) =>
        delay > TimeSpan.Zero ? Task.Delay(RoundUp(delay), time, cancellationToken) : Task.CompletedTask;

    public static TimeSpan RoundUp(TimeSpan delay) => TimeSpan.FromMilliseconds(Math.Ceiling(delay.TotalMilliseconds));

    /// <summary>How long a bot-token request must wait (global block or the 50/s window); zero means a slot was
    /// taken and the request may go now.</summary>
    public TimeSpan TryTakeGlobalSlot()
    {
        lock (_globalLock)
        {
            var now = time.GetUtcNow();
            if (_globalBlockedUntil > now)
            {
                return _globalBlockedUntil - now;
            }

            while (_recentBotRequests.Count > 0 && _recentBotRequests.Peek() + GlobalWindow <= now)
            {
                _recentBotRequests.Dequeue();
            }

            if (_recentBotRequests.Count >= GlobalRequestsPerSecond)
            {
                return _recentBotRequests.Peek() + GlobalWindow - now;
            }

            _recentBotRequests.Enqueue(now);
            return TimeSpan.Zero;
        }
    }

    /// <summary>The delay of the global block still in force, if any.</summary>
    public TimeSpan GlobalBlockRemaining()
    {
        lock (_globalLock)
        {
            var now = time.GetUtcNow();
            return _globalBlockedUntil > now ? _globalBlockedUntil - now : TimeSpan.Zero;
        }
    }

    /// <summary>After a global 429: no bot-token request goes out before <paramref name="retryAfter"/> has passed.</summary>
    public void BlockGlobal(TimeSpan retryAfter)
    {
        lock (_globalLock)
        {
            var until = time.GetUtcNow() + retryAfter;
            if (until > _globalBlockedUntil)
            {
                _globalBlockedUntil = until;
            }
        }
    }

    /// <summary>Records what a response's headers say about the bucket the request went through, and maps the route
    /// to Discord's bucket hash (routes sharing a hash then share one bucket per top-level resource).</summary>
    public void Update(DiscordRoute route, RateLimitBucket bucket, HttpResponseHeaders headers)
    {
        var now = time.GetUtcNow();
        var target = bucket;
        if (Header(headers, "X-RateLimit-Bucket") is { Length: > 0 } hash)
        {
            var top = route.LimitKey[(route.LimitKey.IndexOf('|', StringComparison.Ordinal) + 1)..];
            var key = $"bucket:{hash}|{top}";
            bucket.Name = hash;
            target = _buckets.GetOrAdd(key, bucket);
            _bucketKeyOfRoute[route.LimitKey] = key;
        }

        if (Header(headers, "X-RateLimit-Remaining") is { } remainingText
            && int.TryParse(remainingText, NumberStyles.Integer, CultureInfo.InvariantCulture, out var remaining))
        {
            target.Remaining = remaining;
        }

        if (Seconds(Header(headers, "X-RateLimit-Reset-After")) is { } resetAfter)
        {
            target.ResetAt = now + resetAfter;
        }
        else if (double.TryParse(Header(headers, "X-RateLimit-Reset"), NumberStyles.Float, CultureInfo.InvariantCulture, out var epoch)
                 && Seconds(epoch - now.ToUnixTimeMilliseconds() / 1000.0) is { } untilReset)
        {
            target.ResetAt = now + untilReset;
        }
    }

    /// <summary>After a non-global 429: the bucket is empty until the retry time.</summary>
    public static void Exhaust(RateLimitBucket bucket, DateTimeOffset until)
    {
        bucket.Remaining = 0;
        if (until > bucket.ResetAt)
        {
            bucket.ResetAt = until;
        }
    }

    public static string? Header(HttpResponseHeaders headers, string name) =>
        headers.TryGetValues(name, out var values) ? values.FirstOrDefault() : null;

    public static TimeSpan? Seconds(string? text) =>
        text is not null && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds)
            ? Seconds(seconds)
            : null;

    /// <summary>Seconds as a TimeSpan; null for negative, infinite or absurd values (a day at most).</summary>
    public static TimeSpan? Seconds(double seconds) =>
        double.IsFinite(seconds) && seconds >= 0 && seconds <= TimeSpan.FromDays(1).TotalSeconds
            ? TimeSpan.FromSeconds(seconds)
            : null;
}
