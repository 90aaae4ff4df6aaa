namespace ChatOpsBot.Discord.Rest;

/// <summary>What the last response said about one rate-limit bucket of one top-level resource. Requests to a
/// bucket go one at a time through <see cref="Gate"/>, so the counters are only touched by the holder.</summary>
internal sealed class RateLimitBucket(string name)
{
    /// <summary>Discord's bucket hash when known, else the route template (for logs: no ids, no tokens).</summary>
    public string Name { get; set; } = name;

    public SemaphoreSlim Gate { get; } = new(1, 1);

    /// <summary>Requests left before <see cref="ResetAt"/>; null while unknown.</summary>
    public int? Remaining { get; set; }

    public DateTimeOffset ResetAt { get; set; } = DateTimeOffset.MinValue;

    /// <summary>When a request last picked this bucket (idle buckets are forgotten).</summary>
    public DateTimeOffset LastUsed { get; set; } = DateTimeOffset.MinValue;

    /// <summary>How long to wait before the next request may go out (zero when it may go now).</summary>
    public TimeSpan DelayAt(DateTimeOffset now) =>
        Remaining is <= 0 && ResetAt > now ? ResetAt - now : TimeSpan.Zero;
}
