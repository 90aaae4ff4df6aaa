using System.Data.Common;
using ChatOpsBot.Transcripts.Schema;
using Npgsql;

namespace ChatOpsBot.Transcripts.Postgres;

/// <summary>
/// PostgreSQL: one pooled <see cref="NpgsqlDataSource"/>; timestamps in <c>timestamptz</c>, written in UTC and
/// truncated to milliseconds (the same precision SQLite keeps). Migrations serialise on a transaction-scoped
/// advisory lock, so replicas starting together apply each step once.
/// </summary>
internal sealed class PostgresDialect(string connectionString) : ISqlDialect, IAsyncDisposable
{
    /// <summary>The advisory lock key: "ChatOpsB" as a 64-bit integer, fixed forever.</summary>
    private const long MigrationLockKey = 0x436861744F707342;

    private readonly NpgsqlDataSource _dataSource = NpgsqlDataSource.Create(connectionString);

    public string Name => "postgres";

    public IReadOnlyList<Migration> Migrations => Schema.Migrations.Postgres;

    public string SchemaVersionTableSql => """
        CREATE TABLE IF NOT EXISTS schema_version (
            version     integer     NOT NULL PRIMARY KEY,
            description text        NOT NULL,
            applied_at  timestamptz NOT NULL DEFAULT now()
        )
        """;

    public async Task<DbConnection> OpenAsync(CancellationToken cancellationToken) =>
        await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);

    public async Task<DbTransaction> BeginMigrationAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await Sql.ExecuteAsync(connection, transaction, "SELECT pg_advisory_xact_lock(@key)", [("@key", MigrationLockKey)], cancellationToken).ConfigureAwait(false);
            return transaction;
        }
        catch
        {
            await transaction.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    public object Timestamp(DateTimeOffset value)
    {
        var ticks = value.UtcTicks;
        return new DateTimeOffset(ticks - (ticks % TimeSpan.TicksPerMillisecond), TimeSpan.Zero);
    }

    public DateTimeOffset ReadTimestamp(DbDataReader reader, int ordinal) => reader.GetFieldValue<DateTimeOffset>(ordinal);

    public ValueTask DisposeAsync() => _dataSource.DisposeAsync();
}
