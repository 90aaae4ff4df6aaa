using System.Diagnostics;
using System.Net;
using System.Text.Json.Nodes;
using ChatOpsBot.EndToEnd.Tests.Support;
using ChatOpsBot.Runbooks.Sessions;
using ChatOpsBot.Testing;
using ChatOpsBot.Transcripts.Sqlite;

namespace ChatOpsBot.EndToEnd.Tests.Operations;

/// <summary>SIGTERM with a diagnosis in flight, as Kubernetes sends it on a rollout: the bot stops taking
/// interactions at once, lets the diagnosis finish within Shutdown:GracePeriod or hands it over, and exits 0.</summary>
public sealed class ShutdownTests
{
    private static readonly TimeSpan ProcessSlack = TimeSpan.FromSeconds(5);

    [Fact]
    public async Task Sigterm_DiagnosisOutlastsTheGracePeriod_NotReadyAndRefusesNewInteractions_ThenHandsTheSessionOverAndExitsZero()
    {
        await using var discord = await FakeDiscord.StartAsync(new FakeDiscordOptions());
        var work = Directory.CreateTempSubdirectory("chatopsbot-sigterm-");
        try
        {
            // CloudWatch answers after 60 s: the diagnosis cannot finish within a 2-second grace period.
            var (env, bot, id) = await StartWithDiagnosisInFlightAsync(discord, work, metricLatencyMs: 60000, gracePeriod: "00:00:02");
            await using var _ = bot;

            var clock = Stopwatch.StartNew();
            bot.Terminate();

            // Readiness turns false first, and a new interaction is refused with 503 while the diagnosis runs on.
            using var http = new HttpClient();
            var readyz = await PollAsync(() => http.GetAsync(new Uri(bot.BaseUrl, "/readyz")), r => r.StatusCode == HttpStatusCode.ServiceUnavailable);
            var body = JsonNode.Parse(await readyz.Content.ReadAsStringAsync())!;
            Assert.Equal("not-ready", body["status"]!.GetValue<string>());
            var stopping = body["checks"]!.AsArray().Single(c => c!["name"]!.GetValue<string>() == "accepting-interactions")!;
            Assert.False(stopping["ok"]!.GetValue<bool>());
            Assert.Contains("shutting down", stopping["problem"]!.GetValue<string>(), StringComparison.Ordinal);
            var late = discord.SlashCommand(["diagnose", "503"], new Dictionary<string, object> { ["lb"] = "demo-alb" });
            Assert.Equal(503, (await discord.SendAsync(bot.Interactions, late)).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await http.GetAsync(new Uri(bot.BaseUrl, "/healthz"))).StatusCode);

            Assert.True(await bot.WaitForExitAsync(TimeSpan.FromSeconds(2 + 3) + ProcessSlack), "the bot did not exit within grace + hand-over:\n" + bot.Output);
            Assert.Equal(0, bot.ExitCode);
            Assert.True(clock.Elapsed >= TimeSpan.FromSeconds(2), $"the bot exited after {clock.Elapsed}, before the grace period was over");

            // The running diagnosis was handed over: its own message says interrupted and offers Re-run and Transcript.
            var announced = discord.OriginalResponse(id)!;
            Assert.Contains("interrupted", announced.Json.ToJsonString(), StringComparison.Ordinal);
            Assert.Contains(announced.CustomIds, c => c.StartsWith("rerun:", StringComparison.Ordinal));
            Assert.Contains(announced.CustomIds, c => c.StartsWith("transcript:", StringComparison.Ordinal));
            var store = new SqliteTranscriptStore(env["Transcripts__SqlitePath"]);
            var session = Assert.Single(await store.ListSessionsAsync(null, "demo-alb", 5, CancellationToken.None));
            Assert.Equal(SessionStatus.Interrupted, session.Status);
            Assert.Null(discord.OriginalResponse(late["id"]!.GetValue<string>()));
        }
        finally
        {
            work.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task Sigterm_DiagnosisFinishesWithinTheGracePeriod_PostsItsFindingsAndExitsZeroWithoutWaitingTheWholeGrace()
    {
        await using var discord = await FakeDiscord.StartAsync(new FakeDiscordOptions());
        var work = Directory.CreateTempSubdirectory("chatopsbot-sigterm-");
        try
        {
            var (env, bot, id) = await StartWithDiagnosisInFlightAsync(discord, work, metricLatencyMs: 3000, gracePeriod: "00:00:30");
            await using var _ = bot;

            var clock = Stopwatch.StartNew();
            bot.Terminate();
            Assert.True(await bot.WaitForExitAsync(TimeSpan.FromSeconds(30) + ProcessSlack), "the bot did not exit within the grace period:\n" + bot.Output);
            Assert.Equal(0, bot.ExitCode);
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(20), $"the bot took {clock.Elapsed} to exit: it waited for the grace period instead of the diagnosis");

            var final = discord.OriginalResponse(id)!;
            Assert.Contains("Root cause: network-blocked", final.Json.ToJsonString(), StringComparison.Ordinal);
            Assert.DoesNotContain("interrupted", final.Json.ToJsonString(), StringComparison.Ordinal);
            var store = new SqliteTranscriptStore(env["Transcripts__SqlitePath"]);
            var session = Assert.Single(await store.ListSessionsAsync(null, "demo-alb", 5, CancellationToken.None));
            Assert.Equal(SessionStatus.Finished, session.Status);
        }
        finally
        {
            work.Delete(recursive: true);
        }
    }

    /// <summary>Starts a child-process bot whose CloudWatch answers slowly, and a /diagnose that is mid-way when this returns.</summary>
    private static async Task<(Dictionary<string, string> Env, BotProcess Bot, string Id)> StartWithDiagnosisInFlightAsync(FakeDiscord discord, DirectoryInfo work, int metricLatencyMs, string gracePeriod)
    {
        var scenario = await ScenarioFiles.WithFaultsAsync(work, "sg-blocks-health-check", new JsonObject { ["service"] = "monitoring", ["action"] = "GetMetricData", ["latencyMs"] = metricLatencyMs });
        var env = ScenarioFiles.BotEnvironment(discord, work);
        env["Shutdown__GracePeriod"] = gracePeriod;
        var bot = await BotProcess.StartAsync(env, "--simulate", scenario);
        try
        {
            var command = discord.SlashCommand(["diagnose", "503"], new Dictionary<string, object> { ["lb"] = "demo-alb" });
            var id = command["id"]!.GetValue<string>();
            Assert.Equal(5, (await discord.SendAsync(bot.Interactions, command)).CallbackType);
            await discord.WaitForOriginalAsync(id, m => !m.Loading && m.Json.ToJsonString().Contains("checking", StringComparison.Ordinal), TimeSpan.FromSeconds(30));
            return (env, bot, id);
        }
        catch
        {
            await bot.DisposeAsync();
            throw;
        }
    }

    private static async Task<HttpResponseMessage> PollAsync(Func<Task<HttpResponseMessage>> get, Func<HttpResponseMessage, bool> until)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(2);
        while (true)
        {
            var response = await get();
            if (until(response) || DateTime.UtcNow > deadline)
            {
                return response;
            }

            await Task.Delay(20);
        }
    }
}
