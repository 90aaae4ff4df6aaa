using System.Collections.Concurrent;
using ChatOpsBot.Discord.Sessions;
using ChatOpsBot.Runbooks.Sessions;
using Microsoft.Extensions.Logging;

namespace ChatOpsBot.Discord.Hosting;

/// <summary>
/// Processes each interaction id once, across every replica sharing the store: the first claim wins and stores its
/// reply; a redelivery (to this replica or another) gets that reply again and starts no work. A store outage falls
/// back to this process's own memory rather than refusing to answer.
/// </summary>
public sealed partial class InteractionDeduplicator(
    ITranscriptStore store,
    ISessionStore sessions,
    TimeProvider time,
    ILogger<InteractionDeduplicator> logger)
{
    private static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(15);
    private static readonly TimeSpan WaitForOtherReplica = TimeSpan.FromSeconds(2.5);
    private readonly ConcurrentDictionary<string, (Lazy<Task<(byte[] Reply, bool Mine)>> Work, DateTimeOffset At)> _seen = new(StringComparer.Ordinal);
    private long _calls;

    /// <returns>The reply, and whether this delivery did the work.</returns>
    public async Task<(byte[] Reply, bool First)> ProcessOnceAsync(string interactionId, Func<Task<byte[]>> process, Func<byte[]> alreadyHandled)
    {
        if (Interlocked.Increment(ref _calls) % 256 == 0)
        {
            Sweep();
        }

        var mine = new Lazy<Task<(byte[] Reply, bool Mine)>>(() => ClaimAndProcessAsync(interactionId, process, alreadyHandled));
        var entry = _seen.GetOrAdd(interactionId, _ => (mine, time.GetUtcNow()));
        var (reply, did) = await entry.Work.Value;
        return (reply, did && ReferenceEquals(entry.Work, mine));
    }

    private async Task SaveReplyAsync(string interactionId, byte[] reply)
    {
        await Task.Yield();
        try
        {
            await store.SaveInteractionReplyAsync(interactionId, reply, CancellationToken.None);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            StoreUnavailable(logger, interactionId, e.GetType().Name, e.Message);
        }
    }

    private async Task<(byte[] Reply, bool Mine)> ClaimAndProcessAsync(string interactionId, Func<Task<byte[]>> process, Func<byte[]> alreadyHandled)
    {
        bool claimed;
        try
        {
            claimed = await store.TryClaimInteractionAsync(interactionId, sessions.Owner, time.GetUtcNow(), CancellationToken.None);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            StoreUnavailable(logger, interactionId, e.GetType().Name, e.Message);
            return (await process(), true);
        }

        if (claimed)
        {
            var reply = await process();

            // Stored for a replica that receives the same interaction again; Discord waits for this reply, that
            // replica does not (it polls for up to WaitForOtherReplica), so the write happens after answering.
            _ = SaveReplyAsync(interactionId, reply);
            return (reply, true);
        }

        // Another replica claimed it: answer with its reply once it is stored.
        var deadline = time.GetUtcNow() + WaitForOtherReplica;
        while (time.GetUtcNow() < deadline)
        {
            if (await store.GetInteractionReplyAsync(interactionId, CancellationToken.None) is { } stored)
            {
                return (stored, false);
            }

            await Task.Delay(TimeSpan.FromMilliseconds(25), time);
        }

        return (alreadyHandled(), false);
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

    [LoggerMessage(EventId = 2403, Level = LogLevel.Warning, Message = "Interaction {InteractionId}: the session store is unavailable ({ErrorType}: {Error}); deduplicating in this process only")]
    private static partial void StoreUnavailable(ILogger logger, string interactionId, string errorType, string error);
}
