using System.Data.Common;
using System.Globalization;

namespace ChatOpsBot.Transcripts.Configuration;

/// <summary>
/// Where sessions and transcripts are kept and for how long (configuration section <c>Transcripts</c>, so
/// <c>Transcripts__Provider</c> and so on in the environment). Validated at start-up.
/// </summary>
public sealed class TranscriptOptions
{
    public const string Section = "Transcripts";

    public const string SqliteProvider = "sqlite";

    public const string PostgresProvider = "postgres";

    /// <summary><c>sqlite</c> (the default: one file, one instance) or <c>postgres</c> (several replicas).</summary>
    public string Provider { get; set; } = SqliteProvider;

    /// <summary>The SQLite file; default <c>$XDG_DATA_HOME/chatopsbot/transcripts.db</c>, else
    /// <c>~/.local/share/chatopsbot/transcripts.db</c>. A leading <c>~/</c> is expanded. Created on first use.</summary>
    public string SqlitePath { get; set; } = DefaultSqlitePath(Environment.GetEnvironmentVariable("XDG_DATA_HOME"), Environment.GetFolderPath(Environment.SpecialFolder.UserProfile));

    /// <summary>An Npgsql connection string; required when <see cref="Provider"/> is <c>postgres</c>. A secret: it has
    /// no default and is never logged or echoed in a validation message.</summary>
    public string? PostgresConnectionString { get; set; }

    /// <summary>Sessions (with their transcripts) and interaction claims older than this are deleted. 1 to 3650.</summary>
    public int RetentionDays { get; set; } = 90;

    /// <summary>How often the retention pass runs (default 6 hours; 1 minute to 7 days).</summary>
    public TimeSpan RetentionInterval { get; set; } = TimeSpan.FromHours(6);

    /// <summary>Whether <see cref="Provider"/> names PostgreSQL (any case, surrounding blanks ignored).</summary>
    public bool IsPostgres => string.Equals(Provider?.Trim(), PostgresProvider, StringComparison.OrdinalIgnoreCase);

    /// <summary>The store for a message: <c>PostgreSQL (host h, port p, database d)</c>, nothing else of the connection
    /// string, or <c>SQLite file /the/resolved/path</c> (the file the store actually opens).</summary>
    public string Describe() => IsPostgres
        ? $"PostgreSQL ({Where(PostgresConnectionString)})"
        : $"SQLite file {ResolvedSqlitePath(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile))}";

    /// <summary><paramref name="text"/> (a driver's error message, say) with the connection string's password replaced
    /// by <c>***</c>.</summary>
    public string Redact(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (ConnectionString(PostgresConnectionString) is not { } b)
        {
            return text;
        }

        foreach (var key in new[] { "Password", "Pwd" })
        {
            if (Value(b, key) is { Length: > 0 } secret)
            {
                text = text.Replace(secret, "***", StringComparison.Ordinal);
            }
        }

        return text;
    }

    private static string Where(string? connectionString) => ConnectionString(connectionString) is { } b
        ? $"host {Value(b, "Host") ?? Value(b, "Server") ?? "?"}, port {Value(b, "Port") ?? "5432"}, database {Value(b, "Database") ?? "?"}"
        : "connection string not parseable";

    private static DbConnectionStringBuilder? ConnectionString(string? connectionString)
    {
        try
        {
            return new DbConnectionStringBuilder { ConnectionString = connectionString };
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    private static string? Value(DbConnectionStringBuilder b, string key) =>
        b.TryGetValue(key, out var v) ? Convert.ToString(v, CultureInfo.InvariantCulture) : null;

    internal static string DefaultSqlitePath(string? xdgDataHome, string home)
    {
        var root = !string.IsNullOrWhiteSpace(xdgDataHome) && Path.IsPathRooted(xdgDataHome)
            ? xdgDataHome
            : Path.Combine(home, ".local", "share");
        return Path.Combine(root, "chatopsbot", "transcripts.db");
    }

    internal string ResolvedSqlitePath(string home) =>
        SqlitePath.StartsWith("~/", StringComparison.Ordinal) ? Path.Combine(home, SqlitePath[2..]) : SqlitePath;
}
