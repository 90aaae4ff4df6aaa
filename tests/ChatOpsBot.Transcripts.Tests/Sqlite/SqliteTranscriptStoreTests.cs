using ChatOpsBot.Runbooks.Sessions;
using ChatOpsBot.Transcripts.Sqlite;
using Microsoft.Data.Sqlite;

namespace ChatOpsBot.Transcripts.Tests.Sqlite;

/// <summary>The store contract on a real SQLite file in a fresh temporary directory per test.</summary>
public sealed class SqliteTranscriptStoreTests : TranscriptStoreContractTests
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "chatopsbot-transcripts-" + Guid.NewGuid().ToString("N"));

    private string DatabasePath => Path.Combine(_directory, "nested", "transcripts.db");

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        SqliteConnection.ClearAllPools();
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }

    [Fact]
    public async Task FirstUse_CreatesTheDirectoryAndFile_InWalModeWithForeignKeys()
    {
        Assert.False(Directory.Exists(_directory));
        var store = Open();
        Assert.False(File.Exists(DatabasePath)); // nothing happens until first use

        await store.ListSessionsAsync(null, null, 1, Ct);

        Assert.True(File.Exists(DatabasePath));
        Assert.Equal(DatabasePath, ((SqliteTranscriptStore)store).FilePath);
        Assert.Equal("wal", await ScalarAsync("PRAGMA journal_mode"));
    }

    [Fact]
    public async Task Migrate_DatabaseFromBeforeAccounts_AddsTheColumnAndKeepsOldSessionsWithoutAccount()
    {
        // A database written by a release that knew only migration 1.
        Directory.CreateDirectory(Path.GetDirectoryName(DatabasePath)!);
        await ExecuteAsync("CREATE TABLE schema_version (version INTEGER NOT NULL PRIMARY KEY, description TEXT NOT NULL, applied_at INTEGER NOT NULL DEFAULT 0)");
        await ExecuteAsync(ChatOpsBot.Transcripts.Schema.Migrations.Sqlite.Single(m => m.Version == 1).Sql);
        await ExecuteAsync("INSERT INTO schema_version (version, description) VALUES (1, 'sessions, transcript entries and interaction claims')");
        await ExecuteAsync(
            "INSERT INTO sessions (id, runbook, load_balancer, region, window_minutes, source, started_by_name, created_at, status) " +
            "VALUES ('s-old', '503', 'web-prod', 'eu-west-1', 60, 'cli', 'alice', 1772366400123, 'Finished')");
        var store = Open();

        var old = await store.GetSessionAsync("s-old", Ct);
        await store.CreateSessionAsync(Samples.Session("s-new") with { Account = "prod" }, Ct);

        Assert.NotNull(old);
        Assert.Null(old.Account);
        Assert.Equal("prod", (await store.GetSessionAsync("s-new", Ct))!.Account);
        Assert.Equal([1L, 2L, 3L], await SchemaVersionsAsync());
    }

    protected override ITranscriptStore NewStoreInstance() => new SqliteTranscriptStore(DatabasePath);

    protected override async Task<IReadOnlyList<string>> ColumnsAsync() =>
        await QueryAsync("SELECT m.name || '.' || p.name FROM sqlite_master m JOIN pragma_table_info(m.name) p WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite_%'", r => r.GetString(0));

    protected override async Task<IReadOnlyList<long>> SchemaVersionsAsync() =>
        await QueryAsync("SELECT version FROM schema_version ORDER BY version", r => r.GetInt64(0));

    private async Task ExecuteAsync(string sql)
    {
        await using var c = new SqliteConnection($"Data Source={DatabasePath}");
        await c.OpenAsync();
        await using var cmd = c.CreateCommand();
        cmd.CommandText = sql;
        await cmd.ExecuteNonQueryAsync();
    }

    private async Task<object?> ScalarAsync(string sql)
    {
        await using var c = new SqliteConnection($"Data Source={DatabasePath}");
        await c.OpenAsync();
        await using var cmd = c.CreateCommand();
        cmd.CommandText = sql;
        return await cmd.ExecuteScalarAsync();
    }

    private async Task<List<T>> QueryAsync<T>(string sql, Func<SqliteDataReader, T> read)
    {
        await using var c = new SqliteConnection($"Data Source={DatabasePath}");
        await c.OpenAsync();
        await using var cmd = c.CreateCommand();
        cmd.CommandText = sql;
        await using var r = await cmd.ExecuteReaderAsync();
        var rows = new List<T>();
        while (await r.ReadAsync())
        {
            rows.Add(read(r));
        }

        return rows;
    }
}
