using ChatOpsBot.Runbooks.Charts;

namespace ChatOpsBot.Runbooks.Sessions;

/// <summary>
/// Durable sessions and transcripts (SQLite for one instance, PostgreSQL for several replicas). Every method is safe
/// to call from several processes at once; the "Try" methods are atomic across replicas.
/// </summary>
public interface ITranscriptStore
{
    /// <summary>Creates or upgrades the schema (idempotent; versioned migrations).</summary>
    Task MigrateAsync(CancellationToken cancellationToken);

    Task CreateSessionAsync(SessionRecord session, CancellationToken cancellationToken);

    Task<SessionRecord?> GetSessionAsync(string sessionId, CancellationToken cancellationToken);

    /// <summary>Replaces the session's mutable fields (status, machine state, outcome, message ids, report, owner).
    /// Acknowledgement and resolution are only changed through their Try methods.</summary>
    Task UpdateSessionAsync(SessionRecord session, CancellationToken cancellationToken);

    /// <summary>Records "I'm on it" unless someone already did; true when this call recorded it.</summary>
    Task<bool> TryAcknowledgeAsync(string sessionId, string who, DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>Marks the session resolved unless it already is; true when this call resolved it.</summary>
    Task<bool> TryResolveAsync(string sessionId, string who, DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>Stores the charts of a session's evidence (replacing any stored before), so they can be drawn again
    /// later: after a restart, on another replica, in a transcript export.</summary>
    Task SaveChartsAsync(string sessionId, IReadOnlyList<ChartSpec> charts, CancellationToken cancellationToken);

    /// <summary>The session's stored charts in their order; none when nothing was stored.</summary>
    /// <exception cref="InvalidDataException">The stored charts cannot be read.</exception>
    Task<IReadOnlyList<ChartSpec>> GetChartsAsync(string sessionId, CancellationToken cancellationToken);

    /// <summary>Appends entries in order; the store assigns increasing sequence numbers.</summary>
    Task AppendAsync(IReadOnlyList<TranscriptEntry> entries, CancellationToken cancellationToken);

    /// <summary>A session's entries in sequence order.</summary>
    Task<IReadOnlyList<TranscriptEntry>> GetEntriesAsync(string sessionId, CancellationToken cancellationToken);

    /// <summary>Newest first; optionally only since a time and/or for one load balancer.</summary>
    Task<IReadOnlyList<SessionRecord>> ListSessionsAsync(DateTimeOffset? since, string? loadBalancer, int limit, CancellationToken cancellationToken);

    /// <summary>Sessions still queued or running (candidates to resume or mark interrupted after a restart).</summary>
    Task<IReadOnlyList<SessionRecord>> FindUnfinishedAsync(CancellationToken cancellationToken);

    /// <summary>Marks a queued or running session interrupted; true only for the one caller (across replicas) that
    /// changed it, so exactly one replica announces the interruption.</summary>
    Task<bool> TryMarkInterruptedAsync(string sessionId, DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>Claims an interaction id for processing; only the first claim across all replicas returns true.</summary>
    Task<bool> TryClaimInteractionAsync(string interactionId, string owner, DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>Stores the reply sent for a claimed interaction (so a redelivery gets the same answer).</summary>
    Task SaveInteractionReplyAsync(string interactionId, byte[] reply, CancellationToken cancellationToken);

    Task<byte[]?> GetInteractionReplyAsync(string interactionId, CancellationToken cancellationToken);

    /// <summary>Deletes sessions (with their entries) created before <paramref name="cutoff"/>, and claims older than it.</summary>
    Task<int> DeleteOlderThanAsync(DateTimeOffset cutoff, CancellationToken cancellationToken);
}
