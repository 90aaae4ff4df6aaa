using ChatOpsBot.Runbooks.Sessions;

namespace ChatOpsBot.Transcripts.Postgres;

/// <summary>
/// Sessions and transcripts in PostgreSQL: for several replicas sharing state (claims, acknowledgements and
/// interruptions are atomic across them). The schema is migrated on first use (or call <see cref="MigrateAsync"/>);
/// the database itself must exist. Dispose to close the connection pool.
/// </summary>
public sealed class PostgresTranscriptStore : SqlTranscriptStore, IAsyncDisposable
{
    private readonly PostgresDialect _dialect;

    /// <param name="connectionString">An Npgsql connection string (a secret: it is never logged).</param>
    public PostgresTranscriptStore(string connectionString)
        : this(new PostgresDialect(Required(connectionString)))
    {
    }

    private PostgresTranscriptStore(PostgresDialect dialect)
        : base(dialect) => _dialect = dialect;

    public ValueTask DisposeAsync() => _dialect.DisposeAsync();

    private static string Required(string connectionString)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        return connectionString;
    }
}
