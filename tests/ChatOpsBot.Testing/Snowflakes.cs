namespace ChatOpsBot.Testing;

/// <summary>Generates unique, increasing snowflakes from the fake's clock (Discord epoch 2015-01-01).</summary>
internal sealed class Snowflakes(TimeProvider time)
{
    private const long DiscordEpochMs = 1420070400000;
    private readonly Lock _gate = new();
    private long _last;

    public string Next()
    {
        var ms = Math.Max(0, time.GetUtcNow().ToUnixTimeMilliseconds() - DiscordEpochMs);
        var candidate = (ms << 22) | (1L << 17) | (1L << 12);
        lock (_gate)
        {
            _last = candidate > _last ? candidate : _last + 1;
            return _last.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
    }
}
