using ChatOpsBot.Runbooks.Sessions;
using ChatOpsBot.Transcripts.Postgres;
using Npgsql;

namespace ChatOpsBot.Transcripts.Tests.Postgres;

/// <summary>The store contract on a real PostgreSQL server (<c>CHATOPSBOT_TEST_POSTGRES</c>), in a fresh database per
/// test that is dropped afterwards. Without the variable every test is reported as skipped, with the reason.</summary>
public sealed class PostgresTranscriptStoreTests : TranscriptStoreContractTests
{
    private PostgresTestDatabase? _database;

    public override async Task InitializeAsync() => _database = await PostgresTestDatabase.CreateAsync();

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        if (_database is not null)
        {
            await _database.DropAsync();
        }
    }

    protected override ITranscriptStore NewStoreInstance()
    {
        Skip.If(_database is null, PostgresTestDatabase.SkipReason);
        return new PostgresTranscriptStore(_database!.ConnectionString);
    }

    protected override async Task<IReadOnlyList<string>> ColumnsAsync() =>
        await QueryAsync("SELECT table_name || '.' || column_name FROM information_schema.columns WHERE table_schema = 'public'", r => r.GetString(0));

    protected override async Task<IReadOnlyList<long>> SchemaVersionsAsync() =>
        await QueryAsync("SELECT version FROM schema_version ORDER BY version", r => (long)r.GetInt32(0));

    private async Task<List<T>> QueryAsync<T>(string sql, Func<NpgsqlDataReader, T> read)
    {
        await using var c = new NpgsqlConnection(_database!.ConnectionString);
        await c.OpenAsync();
        await using var cmd = new NpgsqlCommand(sql, c);
        await using var r = await cmd.ExecuteReaderAsync();
        var rows = new List<T>();
        while (await r.ReadAsync())
        {
            rows.Add(read(r));
        }

        return rows;
    }
}
