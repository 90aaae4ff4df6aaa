using ChatOpsBot.Runbooks.Sessions;
using ChatOpsBot.Transcripts.Configuration;
using ChatOpsBot.Transcripts.Postgres;
using ChatOpsBot.Transcripts.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace ChatOpsBot.Transcripts.Tests.Configuration;

public sealed class TranscriptOptionsTests
{
    [Fact]
    public void DefaultSqlitePath_UsesXdgDataHome_ElseLocalShare()
    {
        Assert.Equal("/data/chatopsbot/transcripts.db", TranscriptOptions.DefaultSqlitePath("/data", "/home/ops"));
        Assert.Equal("/home/ops/.local/share/chatopsbot/transcripts.db", TranscriptOptions.DefaultSqlitePath(null, "/home/ops"));
        Assert.Equal("/home/ops/.local/share/chatopsbot/transcripts.db", TranscriptOptions.DefaultSqlitePath("relative/ignored", "/home/ops"));
        Assert.Equal("/home/ops/x/t.db", new TranscriptOptions { SqlitePath = "~/x/t.db" }.ResolvedSqlitePath("/home/ops"));
    }

    [Fact]
    public void Describe_Postgres_NamesHostPortDatabase_AndRedactHidesThePassword()
    {
        var o = new TranscriptOptions { Provider = " Postgres ", PostgresConnectionString = "Host=db.internal;Port=6432;Database=chatops;Username=bot;Password=s3cret-Xq" };

        Assert.True(o.IsPostgres);
        Assert.Equal("PostgreSQL (host db.internal, port 6432, database chatops)", o.Describe());
        Assert.Equal("28P01: password authentication failed (tried ***)", o.Redact("28P01: password authentication failed (tried s3cret-Xq)"));
        Assert.Equal("PostgreSQL (connection string not parseable)", new TranscriptOptions { Provider = "postgres", PostgresConnectionString = "Host" }.Describe());
    }

    [Fact]
    public void Describe_Sqlite_NamesTheFileTheStoreOpens_WithTheHomeExpanded()
    {
        var home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);

        Assert.Equal($"SQLite file {Path.Combine(home, "x/t.db")}", new TranscriptOptions { SqlitePath = "~/x/t.db" }.Describe());
        Assert.Equal("text with no secret", new TranscriptOptions().Redact("text with no secret"));
    }

    [Fact]
    public void Defaults_AreSqliteNinetyDaysEverySixHours()
    {
        var o = new TranscriptOptions();
        Assert.Equal("sqlite", o.Provider);
        Assert.Equal(90, o.RetentionDays);
        Assert.Equal(TimeSpan.FromHours(6), o.RetentionInterval);
        Assert.Null(o.PostgresConnectionString);
        Assert.EndsWith("chatopsbot/transcripts.db", o.SqlitePath, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_PostgresWithoutConnectionString_FailsWithASentenceNamingTheSetting()
    {
        using var host = Host(new() { ["Transcripts:Provider"] = "postgres" });

        var e = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains("Transcripts:PostgresConnectionString is required when Transcripts:Provider is 'postgres'", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_OutOfRangeValues_FailNamingEachSetting_WithoutEchoingTheConnectionString()
    {
        using var host = Host(new()
        {
            ["Transcripts:Provider"] = "mysql",
            ["Transcripts:RetentionDays"] = "0",
            ["Transcripts:RetentionInterval"] = "00:00:01",
            ["Transcripts:PostgresConnectionString"] = "Host=db;Password=hunter2-secret",
        });

        var e = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains("Transcripts:Provider must be 'sqlite' or 'postgres'", e.Message, StringComparison.Ordinal);
        Assert.Contains("Transcripts:RetentionDays must be between 1 and 3650", e.Message, StringComparison.Ordinal);
        Assert.Contains("Transcripts:RetentionInterval must be between", e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddChatOpsTranscripts_Sqlite_ResolvesTheSqliteStoreAndTheRetentionService()
    {
        var path = Path.Combine(Path.GetTempPath(), "chatopsbot-reg-" + Guid.NewGuid().ToString("N"), "t.db");
        using var host = Host(new() { ["Transcripts:SqlitePath"] = path });

        var store = host.Services.GetRequiredService<ITranscriptStore>();

        Assert.Equal(path, Assert.IsType<SqliteTranscriptStore>(store).FilePath);
        Assert.Contains(host.Services.GetServices<IHostedService>(), s => s.GetType().Name == "RetentionService");
        Assert.Same(store, host.Services.GetRequiredService<ITranscriptStore>());
        Assert.False(File.Exists(path)); // lazy: nothing is opened until first use
    }

    [Fact]
    public void AddChatOpsTranscripts_Postgres_ResolvesThePostgresStoreWithoutConnecting()
    {
        using var host = Host(new() { ["Transcripts:Provider"] = "Postgres", ["Transcripts:PostgresConnectionString"] = "Host=127.0.0.1;Port=1;Username=x" });

        Assert.IsType<PostgresTranscriptStore>(host.Services.GetRequiredService<ITranscriptStore>());
    }

    [Fact]
    public void AddChatOpsTranscripts_TwiceOrAfterAnotherStore_KeepsTheFirstRegistration()
    {
        var services = new ServiceCollection();
        var config = new ConfigurationBuilder().Build();
        services.AddSingleton<ITranscriptStore>(new SqliteTranscriptStore("/tmp/never-used.db"));
        services.AddChatOpsTranscripts(config).AddChatOpsTranscripts(config);

        Assert.Single(services, d => d.ServiceType == typeof(ITranscriptStore));
        Assert.Single(services, d => d.ServiceType == typeof(IHostedService));
    }

    private static IHost Host(Dictionary<string, string?> settings)
    {
        var builder = new HostApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Services.AddChatOpsTranscripts(builder.Configuration);
        return builder.Build();
    }
}
