using ChatOpsBot.Runbooks.Sessions;

namespace ChatOpsBot.Transcripts.Postgres;

/// <summary>
/// Sessions and transcripts in PostgreSQL: for several replicas sharing state (claims, acknowledgements and
/// interruptions are atomic across them). The schema is migrated on first use (or call <see cref="MigrateAsync"/>);
/// the database itself must exist. Dispose to close the connection pool.
/// </summary>
public sealed class PostgresTranscriptStore : ITranscriptStore, IAsyncDisposable
{
    private readonly PostgresDialect _dialect;
    private readonly SqlTranscriptStore _store;

    /// <param name="connectionString">An Npgsql connection string (a secret: it is never logged).</param>
    public PostgresTranscriptStore(string connectionString)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        _dialect = new PostgresDialect(connectionString);
        _store = new SqlTranscriptStore(_dialect);
    }

    public Task MigrateAsync(CancellationToken cancellationToken) => _store.MigrateAsync(cancellationToken);

    public Task CreateSessionAsync(SessionRecord session, CancellationToken cancellationToken) => _store.CreateSessionAsync(session, cancellationToken);

    public Task<SessionRecord?> GetSessionAsync(string sessionId, CancellationToken cancellationToken) => _store.GetSessionAsync(sessionId, cancellationToken);

    public Task UpdateSessionAsync(SessionRecord session, CancellationToken cancellationToken) => _store.UpdateSessionAsync(session, cancellationToken);

    public Task<bool> TryAcknowledgeAsync(string sessionId, string who, DateTimeOffset at, CancellationToken cancellationToken) => _store.TryAcknowledgeAsync(sessionId, who, at, cancellationToken);

    public Task<bool> TryResolveAsync(string sessionId, string who, DateTimeOffset at, CancellationToken cancellationToken) => _store.TryResolveAsync(sessionId, who, at, cancellationToken);

    public Task<bool> TryMarkInterruptedAsync(string sessionId, DateTimeOffset at, CancellationToken cancellationToken) => _store.TryMarkInterruptedAsync(sessionId, at, cancellationToken);

    public Task AppendAsync(IReadOnlyList<TranscriptEntry> entries, CancellationToken cancellationToken) => _store.AppendAsync(entries, cancellationToken);

    public Task<IReadOnlyList<TranscriptEntry>> GetEntriesAsync(string sessionId, CancellationToken cancellationToken) => _store.GetEntriesAsync(sessionId, cancellationToken);

    public Task<IReadOnlyList<SessionRecord>> ListSessionsAsync(DateTimeOffset? since, string? loadBalancer, int limit, CancellationToken cancellationToken) => _store.ListSessionsAsync(since, loadBalancer, limit, cancellationToken);

    public Task<IReadOnlyList<SessionRecord>> FindUnfinishedAsync(CancellationToken cancellationToken) => _store.FindUnfinishedAsync(cancellationToken);

    public Task<bool> TryClaimInteractionAsync(string interactionId, string owner, DateTimeOffset at, CancellationToken cancellationToken) => _store.TryClaimInteractionAsync(interactionId, owner, at, cancellationToken);

    public Task SaveInteractionReplyAsync(string interactionId, byte[] reply, CancellationToken cancellationToken) => _store.SaveInteractionReplyAsync(interactionId, reply, cancellationToken);

    public Task<byte[]?> GetInteractionReplyAsync(string interactionId, CancellationToken cancellationToken) => _store.GetInteractionReplyAsync(interactionId, cancellationToken);

    public Task<int> DeleteOlderThanAsync(DateTimeOffset cutoff, CancellationToken cancellationToken) => _store.DeleteOlderThanAsync(cutoff, cancellationToken);

    public ValueTask DisposeAsync() => _dialect.DisposeAsync();
}
