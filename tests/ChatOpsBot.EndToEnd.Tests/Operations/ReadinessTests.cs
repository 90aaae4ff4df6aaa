using System.Net;
using System.Net.Sockets;
using System.Text.Json.Nodes;
using ChatOpsBot.EndToEnd.Tests.Support;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace ChatOpsBot.EndToEnd.Tests.Operations;

/// <summary>/healthz says the process is up; /readyz says whether it can serve, and if not, what to fix. A database
/// that is down at start-up leaves the bot running but not ready, with one clear log line per retry, until it appears.</summary>
public sealed class ReadinessTests
{
    private const string Password = "pg-secret-Xq7!";

    [Fact]
    public async Task Readyz_WithAWorkingStoreAndKey_Is200WithEveryCheckPassing()
    {
        await using var bot = await BotUnderTest.StartAsync();
        using var http = new HttpClient();

        var response = await http.GetAsync(new Uri(bot.Interactions, "/readyz"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal("ready", body["status"]!.GetValue<string>());
        Assert.Equal(
            ["accepting-interactions", "transcript-store"],
            body["checks"]!.AsArray().Select(c => c!["name"]!.GetValue<string>()).Order(StringComparer.Ordinal));
        Assert.All(body["checks"]!.AsArray(), c => Assert.True(c!["ok"]!.GetValue<bool>()));
    }

    [Fact]
    public async Task Readyz_PostgresOnAClosedPort_Is503NamingTheStoreAndTheSetting_HealthzStaysUp_AndNoPasswordLeaks()
    {
        var logs = new CapturedLogs();
        var port = ClosedPort();
        await using var bot = await BotUnderTest.StartAsync(
            extra: new Dictionary<string, string?>
            {
                ["Transcripts:Provider"] = "postgres",
                ["Transcripts:PostgresConnectionString"] = $"Host=127.0.0.1;Port={port};Database=chatops;Username=bot;Password={Password}",
                ["Readiness:StoreRetryInterval"] = "00:00:01",
            },
            configure: b => b.Logging.AddProvider(logs));
        using var http = new HttpClient();

        var response = await http.GetAsync(new Uri(bot.Interactions, "/readyz"));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        var text = await response.Content.ReadAsStringAsync();
        var body = JsonNode.Parse(text)!;
        Assert.Equal("not-ready", body["status"]!.GetValue<string>());
        var checks = body["checks"]!.AsArray();
        var store = checks.Single(c => c!["name"]!.GetValue<string>() == "transcript-store")!;
        Assert.False(store["ok"]!.GetValue<bool>());
        Assert.Contains($"host 127.0.0.1, port {port}, database chatops", store["problem"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains("Transcripts:PostgresConnectionString", store["fix"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.All(checks.Where(c => c!["name"]!.GetValue<string>() != "transcript-store"), c => Assert.True(c!["ok"]!.GetValue<bool>()));
        Assert.DoesNotContain(Password, text, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync(new Uri(bot.Interactions, "/healthz"))).StatusCode);

        // One clear line per retry interval, saying what is wrong and what to fix; never the password.
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(15);
        while (logs.Lines.Count(l => l.Contains("[1101]", StringComparison.Ordinal)) < 2)
        {
            Assert.True(DateTime.UtcNow < deadline, "the store watch did not log its retries:\n" + string.Join('\n', logs.Lines));
            await Task.Delay(100);
        }

        var retry = logs.Lines.First(l => l.Contains("[1101]", StringComparison.Ordinal));
        Assert.StartsWith("Error", retry, StringComparison.Ordinal);
        Assert.Contains($"port {port}", retry, StringComparison.Ordinal);
        Assert.Contains("Transcripts:PostgresConnectionString", retry, StringComparison.Ordinal);
        Assert.Contains("not ready", retry, StringComparison.Ordinal);
        Assert.All(logs.Lines, l => Assert.DoesNotContain(Password, l, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Diagnose_WhileTheDatabaseIsDown_GetsAPrivateSentenceNotAFailedInteraction_AndStartsNothing()
    {
        var port = ClosedPort();
        await using var bot = await BotUnderTest.StartAsync(extra: new Dictionary<string, string?>
        {
            ["Transcripts:Provider"] = "postgres",
            ["Transcripts:PostgresConnectionString"] = $"Host=127.0.0.1;Port={port};Database=chatops;Username=bot;Password={Password};Timeout=2",
        });
        var command = bot.Discord.SlashCommand(["diagnose", "503"], new Dictionary<string, object> { ["lb"] = "demo-alb" });

        var reply = await bot.Discord.SendAsync(bot.Interactions, command);

        Assert.Equal(200, reply.StatusCode);
        Assert.Empty(reply.Violations);
        Assert.Equal(4, reply.CallbackType);
        var data = reply.Json!["data"]!;
        Assert.Equal(64, data["flags"]!.GetValue<int>() & 64);
        var text = data.ToJsonString();
        Assert.Contains("Bot storage unavailable", text, StringComparison.Ordinal);
        Assert.Contains("nothing was done", text, StringComparison.Ordinal);
        Assert.DoesNotContain(Password, text, StringComparison.Ordinal);
        await Task.Delay(500); // give a wrongly queued diagnosis the time to reach AWS
        Assert.Empty(bot.Aws.Aws.Requests);
    }

    [Fact]
    public async Task Readyz_SqliteDirectoryUnusableAtStartUp_NotReady_ThenReadyOnceItCanBeCreated()
    {
        var work = Directory.CreateTempSubdirectory("chatopsbot-readyz-");
        try
        {
            // A regular file where the database's directory should be: the store cannot open until it is removed.
            var blocker = Path.Combine(work.FullName, "data");
            await File.WriteAllTextAsync(blocker, "not a directory");
            await using var bot = await BotUnderTest.StartAsync(extra: new Dictionary<string, string?>
            {
                ["Transcripts:SqlitePath"] = Path.Combine(blocker, "transcripts.db"),
            });
            using var http = new HttpClient();
            var before = await http.GetAsync(new Uri(bot.Interactions, "/readyz"));
            Assert.Equal(HttpStatusCode.ServiceUnavailable, before.StatusCode);
            Assert.Contains("Transcripts:SqlitePath", await before.Content.ReadAsStringAsync(), StringComparison.Ordinal);

            File.Delete(blocker);
            var after = await http.GetAsync(new Uri(bot.Interactions, "/readyz"));

            Assert.Equal(HttpStatusCode.OK, after.StatusCode);
            Assert.True(File.Exists(Path.Combine(blocker, "transcripts.db")));
        }
        finally
        {
            work.Delete(recursive: true);
        }
    }

    [SkippableFact]
    public async Task Readyz_PostgresThatAppearsAfterStartUp_BecomesReadyWithoutARestart()
    {
        var server = Environment.GetEnvironmentVariable("CHATOPSBOT_TEST_POSTGRES");
        Skip.If(string.IsNullOrEmpty(server), "CHATOPSBOT_TEST_POSTGRES is not set: no PostgreSQL server to appear.");
        var database = $"chatopsbot_e2e_{Guid.NewGuid():N}";
        var real = new NpgsqlConnectionStringBuilder(server);
        await using (var admin = new NpgsqlConnection(server))
        {
            await admin.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE {database}", admin);
            await create.ExecuteNonQueryAsync();
        }

        try
        {
            // The bot is pointed at a port where nothing listens yet; later a forwarder to the real server opens there.
            var port = ClosedPort();
            var pointed = new NpgsqlConnectionStringBuilder(server) { Host = "127.0.0.1", Port = port, Database = database, Pooling = false }.ConnectionString;
            await using var bot = await BotUnderTest.StartAsync(extra: new Dictionary<string, string?>
            {
                ["Transcripts:Provider"] = "postgres",
                ["Transcripts:PostgresConnectionString"] = pointed,
            });
            using var http = new HttpClient();
            Assert.Equal(HttpStatusCode.ServiceUnavailable, (await http.GetAsync(new Uri(bot.Interactions, "/readyz"))).StatusCode);

            await using var forwarder = TcpForwarder.Start(port, real.Host!, real.Port);
            Assert.Equal(HttpStatusCode.OK, (await http.GetAsync(new Uri(bot.Interactions, "/readyz"))).StatusCode);
        }
        finally
        {
            NpgsqlConnection.ClearAllPools();
            await using var admin = new NpgsqlConnection(server);
            await admin.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {database} WITH (FORCE)", admin);
            await drop.ExecuteNonQueryAsync();
        }
    }

    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>Accepts on a loopback port and pipes each connection to another host and port.</summary>
    private sealed class TcpForwarder : IAsyncDisposable
    {
        private readonly TcpListener _listener;
        private readonly CancellationTokenSource _stop = new();
        private readonly Task _loop;

        private TcpForwarder(TcpListener listener, string host, int port)
        {
            _listener = listener;
            _loop = AcceptAsync(host, port);
        }

        public static TcpForwarder Start(int listenPort, string host, int port)
        {
            var listener = new TcpListener(IPAddress.Loopback, listenPort);
            listener.Start();
            return new TcpForwarder(listener, host, port);
        }

        public async ValueTask DisposeAsync()
        {
            await _stop.CancelAsync();
            _listener.Stop();
            try
            {
                await _loop;
            }
            catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
            {
            }

            _stop.Dispose();
        }

        private async Task AcceptAsync(string host, int port)
        {
            while (!_stop.IsCancellationRequested)
            {
                var inbound = await _listener.AcceptTcpClientAsync(_stop.Token);
                _ = PipeAsync(inbound, host, port);
            }
        }

        private async Task PipeAsync(TcpClient inbound, string host, int port)
        {
            using (inbound)
            using (var outbound = new TcpClient())
            {
                try
                {
                    await outbound.ConnectAsync(host, port, _stop.Token);
                    await Task.WhenAny(
                        inbound.GetStream().CopyToAsync(outbound.GetStream(), _stop.Token),
                        outbound.GetStream().CopyToAsync(inbound.GetStream(), _stop.Token));
                }
                catch (Exception e) when (e is OperationCanceledException or IOException or SocketException)
                {
                }
            }
        }
    }
}
