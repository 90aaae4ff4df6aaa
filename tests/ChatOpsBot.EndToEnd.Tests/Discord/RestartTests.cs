using System.Text;
using System.Text.Json.Nodes;
using ChatOpsBot.EndToEnd.Tests.Support;
using ChatOpsBot.Runbooks.Sessions;
using ChatOpsBot.Testing;
using ChatOpsBot.Transcripts.Sqlite;

namespace ChatOpsBot.EndToEnd.Tests.Discord;

/// <summary>The bot killed (SIGKILL) in the middle of a diagnosis and started again on the same store.</summary>
public sealed class RestartTests
{
    [Fact]
    public async Task KilledMidDiagnosis_OnRestartTheSessionIsMarkedInterruptedInTheChannel_AndItsButtonsStillAnswer()
    {
        await using var discord = await FakeDiscord.StartAsync(new FakeDiscordOptions());
        var work = Directory.CreateTempSubdirectory("chatopsbot-restart-");
        try
        {
            // The demo incident, with CloudWatch answering after 30 s: the diagnosis is certain to be mid-way when killed.
            var scenarioFile = await ScenarioFiles.WithFaultsAsync(work, "sg-blocks-health-check", new JsonObject { ["service"] = "monitoring", ["action"] = "GetMetricData", ["latencyMs"] = 30000 });
            var env = ScenarioFiles.BotEnvironment(discord, work);

            var first = await BotProcess.StartAsync(env, "--simulate", scenarioFile);
            var command = discord.SlashCommand(["diagnose", "503"], new Dictionary<string, object> { ["lb"] = "demo-alb" });
            var id = command["id"]!.GetValue<string>();
            Assert.Equal(5, (await discord.SendAsync(first.Interactions, command)).CallbackType);
            var progress = await discord.WaitForOriginalAsync(id, m => !m.Loading && m.Json.ToJsonString().Contains("checking", StringComparison.Ordinal), TimeSpan.FromSeconds(30));

            // Kill once the store knows which message shows the session (the bot saves it right after the first edit).
            var store = new SqliteTranscriptStore(env["Transcripts__SqlitePath"]);
            var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(15);
            while ((await store.ListSessionsAsync(null, "demo-alb", 5, CancellationToken.None)).FirstOrDefault()?.MessageId is null)
            {
                Assert.True(DateTime.UtcNow < deadline, "the session's message id never reached the store");
                await Task.Delay(50);
            }

            var running = Assert.Single(await store.ListSessionsAsync(null, "demo-alb", 5, CancellationToken.None));
            Assert.Equal(SessionStatus.Running, running.Status);
            await first.KillAsync();

            await using var second = await BotProcess.StartAsync(env, "--simulate", scenarioFile);
            var announced = await discord.WaitForOriginalAsync(id, m => m.Json.ToJsonString().Contains("interrupted", StringComparison.Ordinal), TimeSpan.FromSeconds(30));

            Assert.Equal(progress.Id, announced.Id);
            Assert.Contains(discord.Calls, c => c.Route == DiscordRoutes.EditChannelMessage && c.MessageId == progress.Id && c.Authorization == $"Bot {discord.BotToken}");
            var rerunId = announced.CustomIds.Single(c => c.StartsWith("rerun:", StringComparison.Ordinal));
            var transcriptId = announced.CustomIds.Single(c => c.StartsWith("transcript:", StringComparison.Ordinal));

            var transcriptClick = discord.ButtonClick(transcriptId);
            Assert.Equal(5, (await discord.SendAsync(second.Interactions, transcriptClick)).CallbackType);
            var withFile = await discord.WaitForOriginalAsync(transcriptClick["id"]!.GetValue<string>(), m => m.Attachments.Count > 0, TimeSpan.FromSeconds(15));
            var markdown = Encoding.UTF8.GetString(withFile.Attachments[0].Content);
            Assert.Contains("interrupted", markdown, StringComparison.Ordinal);
            Assert.Contains("/diagnose 503 lb:demo-alb", markdown, StringComparison.Ordinal);

            var rerun = await discord.SendAsync(second.Interactions, discord.ButtonClick(rerunId));
            Assert.Equal(5, rerun.CallbackType);
            var interrupted = await store.GetSessionAsync(running.Id, CancellationToken.None);
            Assert.Equal(SessionStatus.Interrupted, interrupted!.Status);
        }
        finally
        {
            work.Delete(recursive: true);
        }
    }
}
