using ChatOpsBot.Runbooks.Sessions;

namespace ChatOpsBot.Transcripts.Sqlite;

/// <summary>
/// Sessions and transcripts in one SQLite file: the default, for a single instance. The file (and its directory)
/// is created on first use; the schema is migrated on first use too (or call <see cref="MigrateAsync"/>). Several
/// processes may share the file (WAL, busy timeout), but several replicas on different hosts need PostgreSQL.
/// </summary>
public sealed class SqliteTranscriptStore : SqlTranscriptStore
{
    /// <param name="path">The database file, for example <c>~/.local/share/chatopsbot/transcripts.db</c>.</param>
    public SqliteTranscriptStore(string path)
        : this(new SqliteDialect(path))
    {
    }

    private SqliteTranscriptStore(SqliteDialect dialect)
        : base(dialect) => FilePath = dialect.FilePath;

    /// <summary>The absolute path of the database file.</summary>
    public string FilePath { get; }
}
