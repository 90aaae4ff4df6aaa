using System.Data;
using System.Data.Common;
using ChatOpsBot.Transcripts.Schema;
using Microsoft.Data.Sqlite;

namespace ChatOpsBot.Transcripts.Sqlite;

/// <summary>
/// SQLite: a file created on first use (with its directory), WAL journal (readers never block the writer),
/// foreign keys on and a 5 s busy timeout on every connection, pooled connections. Timestamps are UTC unix
/// milliseconds in INTEGER columns (sortable, exact). Write transactions begin IMMEDIATE, so they queue on the
/// busy timeout instead of failing on a read-to-write upgrade.
/// </summary>
internal sealed class SqliteDialect : ISqlDialect
{
    private const int BusyTimeoutMs = 5000;
    private readonly string _connectionString;
    private readonly Lock _firstUseGate = new();
    private bool _prepared;

    public SqliteDialect(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        FilePath = Path.GetFullPath(path);
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = FilePath,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Cache = SqliteCacheMode.Private,
            Pooling = true,
            DefaultTimeout = 30,
        }.ToString();
    }

    public string FilePath { get; }

    public string Name => "sqlite";

    public IReadOnlyList<Migration> Migrations => Schema.Migrations.Sqlite;

    public string SchemaVersionTableSql => """
        CREATE TABLE IF NOT EXISTS schema_version (
            version     INTEGER NOT NULL PRIMARY KEY,
            description TEXT    NOT NULL,
            applied_at  INTEGER NOT NULL DEFAULT (CAST(strftime('%s', 'now') AS INTEGER) * 1000)
        )
        """;

    public async Task<DbConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var firstUse = false;
        lock (_firstUseGate)
        {
            if (!_prepared)
            {
                Directory.CreateDirectory(Path.GetDirectoryName(FilePath)!);
                firstUse = true;
            }
        }

        var connection = new SqliteConnection(_connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            // WAL with synchronous=NORMAL: a commit no longer waits for an fsync of the log, which tripled the time a
            // burst of interactions waited for the single SQLite writer. A killed process loses nothing committed;
            // only a power loss or OS crash may roll back the last commits (SQLite's documented trade-off).
            var setup = $"PRAGMA busy_timeout = {BusyTimeoutMs}; PRAGMA foreign_keys = ON; PRAGMA synchronous = NORMAL;" + (firstUse ? " PRAGMA journal_mode = WAL;" : string.Empty);
            await Sql.ExecuteAsync(connection, null, setup, [], cancellationToken).ConfigureAwait(false);
            if (firstUse)
            {
                lock (_firstUseGate)
                {
                    _prepared = true;
                }
            }

            return connection;
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    public Task<DbTransaction> BeginMigrationAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        // BEGIN IMMEDIATE: takes the write lock now (waiting on busy_timeout), so a second process migrating at the
        // same time waits here and then sees the version the first one recorded.
        DbTransaction transaction = ((SqliteConnection)connection).BeginTransaction(IsolationLevel.Serializable, deferred: false);
        return Task.FromResult(transaction);
    }

    public object Timestamp(DateTimeOffset value) => value.ToUnixTimeMilliseconds();

    public DateTimeOffset ReadTimestamp(DbDataReader reader, int ordinal) => DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(ordinal));
}
