using ChatOpsBot.Runbooks.Sessions;

namespace ChatOpsBot.Transcripts.Sqlite;

/// <summary>
/// Sessions and transcripts in one SQLite file: the default, for a single instance. The file (and its directory)
/// is created on first use; the schema is migrated on first use too (or call <see cref="MigrateAsync"/>). Several
/// processes may share the file (WAL, busy timeout), but several replicas on different hosts need PostgreSQL.
/// </summary>
public sealed class SqliteTranscriptStore : ITranscriptStore
{
    private readonly SqlTranscriptStore _store;

    /// <param name="path">The database file, for example <c>~/.local/share/chatopsbot/transcripts.db</c>.</param>
    public SqliteTranscriptStore(string path)
    {
        var dialect = new SqliteDialect(path);
        FilePath = dialect.FilePath;
        _store = new SqlTranscriptStore(dialect);
    }

    /// <summary>The absolute path of the database file.</summary>
    public string FilePath { get; }

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
}
