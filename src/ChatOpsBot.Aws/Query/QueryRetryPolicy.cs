namespace ChatOpsBot.Aws.Query;

/// <summary>Bounded retries with exponential backoff and full jitter: before retry n (1-based) wait a uniformly random
/// time in [0, min(cap, base * 2^(n-1))).</summary>
internal sealed class QueryRetryPolicy(int maxAttempts, TimeSpan baseDelay, TimeSpan maxDelay, Func<double> random)
{
    public static readonly TimeSpan DefaultBase = TimeSpan.FromMilliseconds(200);
    public static readonly TimeSpan DefaultCap = TimeSpan.FromSeconds(5);

    public QueryRetryPolicy(int maxAttempts)
        : this(maxAttempts, DefaultBase, DefaultCap, Random.Shared.NextDouble)
    {
    }

    public int MaxAttempts { get; } = maxAttempts;

    /// <summary>The delay before retry number <paramref name="retry"/> (1 for the second attempt).</summary>
    public TimeSpan DelayBefore(int retry)
    {
        var exponent = Math.Min(retry - 1, 30);
        var ceiling = Math.Min(maxDelay.TotalMilliseconds, baseDelay.TotalMilliseconds * Math.Pow(2, exponent));
        return TimeSpan.FromMilliseconds(ceiling * Math.Clamp(random(), 0, 1));
    }
}
