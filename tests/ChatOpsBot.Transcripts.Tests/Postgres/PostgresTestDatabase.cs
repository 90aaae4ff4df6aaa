using Npgsql;

namespace ChatOpsBot.Transcripts.Tests.Postgres;

/// <summary>A fresh database <c>chatopsbot_test_&lt;random&gt;</c> on the server named by
/// <c>CHATOPSBOT_TEST_POSTGRES</c>, created through the <c>postgres</c> maintenance database and dropped afterwards.</summary>
internal sealed class PostgresTestDatabase
{
    public const string EnvironmentVariable = "CHATOPSBOT_TEST_POSTGRES";

    public const string SkipReason = "CHATOPSBOT_TEST_POSTGRES is not set: the PostgreSQL store tests need a server " +
        "(for example Host=127.0.0.1;Port=55432;Username=postgres;Database=postgres)";

    private readonly string _maintenance;

    private PostgresTestDatabase(string maintenance, string name, string connectionString)
    {
        _maintenance = maintenance;
        Name = name;
        ConnectionString = connectionString;
    }

    public string Name { get; }

    public string ConnectionString { get; }

    public static string? ServerConnectionString => Environment.GetEnvironmentVariable(EnvironmentVariable) is { Length: > 0 } s ? s : null;

    public static async Task<PostgresTestDatabase?> CreateAsync()
    {
        if (ServerConnectionString is not { } server)
        {
            return null;
        }

        var maintenance = new NpgsqlConnectionStringBuilder(server) { Database = "postgres", Pooling = false }.ConnectionString;
        var name = "chatopsbot_test_" + Guid.NewGuid().ToString("N")[..16];
        await using (var c = new NpgsqlConnection(maintenance))
        {
            await c.OpenAsync();
            await using var cmd = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", c); // name is ours, not input
            await cmd.ExecuteNonQueryAsync();
        }

        return new PostgresTestDatabase(maintenance, name, new NpgsqlConnectionStringBuilder(server) { Database = name }.ConnectionString);
    }

    public async Task DropAsync()
    {
        await using var c = new NpgsqlConnection(_maintenance);
        await c.OpenAsync();
        await using var cmd = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{Name}\" WITH (FORCE)", c);
        await cmd.ExecuteNonQueryAsync();
    }
}
