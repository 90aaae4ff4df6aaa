using System.Data.Common;

namespace ChatOpsBot.Transcripts.Schema;

/// <summary>What differs between SQLite and PostgreSQL: connections, timestamps, the schema and its lock.
/// Everything else (every query) is shared by <see cref="SqlTranscriptStore"/>.</summary>
internal interface ISqlDialect
{
    /// <summary>A short name for messages: <c>sqlite</c> or <c>postgres</c>.</summary>
    string Name { get; }

    IReadOnlyList<Migration> Migrations { get; }

    /// <summary>Creates <c>schema_version</c> when absent (run after the lock is held).</summary>
    string SchemaVersionTableSql { get; }

    /// <summary>Opens a new (pooled) connection, ready for use.</summary>
    Task<DbConnection> OpenAsync(CancellationToken cancellationToken);

    /// <summary>Begins the migration transaction holding a lock that excludes every other migrating process.</summary>
    Task<DbTransaction> BeginMigrationAsync(DbConnection connection, CancellationToken cancellationToken);

    /// <summary>The parameter value for a timestamp (UTC, truncated to milliseconds).</summary>
    object Timestamp(DateTimeOffset value);

    DateTimeOffset ReadTimestamp(DbDataReader reader, int ordinal);
}
