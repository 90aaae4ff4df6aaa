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

    protected override ITranscriptStore NewStoreInstance() => new SqliteTranscriptStore(DatabasePath);

    protected override async Task<IReadOnlyList<string>> ColumnsAsync() =>
        await QueryAsync("SELECT m.name || '.' || p.name FROM sqlite_master m JOIN pragma_table_info(m.name) p WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite_%'", r => r.GetString(0));

    protected override async Task<IReadOnlyList<long>> SchemaVersionsAsync() =>
        await QueryAsync("SELECT version FROM schema_version ORDER BY version", r => r.GetInt64(0));

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
