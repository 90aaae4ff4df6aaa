using System.Collections.Concurrent;

namespace ChatOpsBot.Discord.Hosting;

/// <summary>
/// Processes each interaction id once. A second delivery of the same interaction gets the first reply again
/// (the same bytes) and starts no work. Entries are forgotten after the interaction's 15-minute lifetime.
/// </summary>
public sealed class InteractionDeduplicator(TimeProvider time)
{
    private static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(15);
    private readonly ConcurrentDictionary<string, (Lazy<Task<byte[]>> Reply, DateTimeOffset At)> _seen = new(StringComparer.Ordinal);
    private long _calls;

    /// <returns>The reply, and whether this delivery was the first.</returns>
    public async Task<(byte[] Reply, bool First)> ProcessOnceAsync(string interactionId, Func<Task<byte[]>> process)
    {
        if (Interlocked.Increment(ref _calls) % 256 == 0)
        {
            Sweep();
        }

        var mine = new Lazy<Task<byte[]>>(process);
        var entry = _seen.GetOrAdd(interactionId, _ => (mine, time.GetUtcNow()));
        var reply = await entry.Reply.Value;
        return (reply, ReferenceEquals(entry.Reply, mine));
    }

    private void Sweep()
    {
        var cutoff = time.GetUtcNow() - Lifetime;
        foreach (var (id, entry) in _seen)
        {
            if (entry.At < cutoff)
            {
                _seen.TryRemove(id, out _);
            }
        }
    }
}
