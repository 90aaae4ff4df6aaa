using System.Text.Json;
using ChatOpsBot.EndToEnd.Tests.Support;
using ChatOpsBot.Simulator;
using ChatOpsBot.Testing;

namespace ChatOpsBot.EndToEnd.Tests.Operations;

/// <summary><c>serve --log-format json</c>: every line on stdout is one JSON object; every line about a session carries
/// its id as a scope field (whichever class wrote it); no line carries a secret.</summary>
public sealed class JsonLogTests
{
    [Fact]
    public async Task JsonLogs_ADiagnosisAndAClick_EveryLineParses_SessionLinesCarryTheSessionId_NoSecrets()
    {
        await using var discord = await FakeDiscord.StartAsync(new FakeDiscordOptions());
        var work = Directory.CreateTempSubdirectory("chatopsbot-jsonlogs-");
        try
        {
            var env = ScenarioFiles.BotEnvironment(discord, work);
            env["Logging__LogLevel__Default"] = "Information";
            await using var bot = await BotProcess.StartAsync(env, "--simulate", "--log-format", "json");
            var command = discord.SlashCommand(["diagnose", "503"], new Dictionary<string, object> { ["lb"] = "demo-alb" });
            Assert.Equal(5, (await discord.SendAsync(bot.Interactions, command)).CallbackType);
            var final = await discord.WaitForOriginalAsync(command["id"]!.GetValue<string>(), m => m.CustomIds.Any(c => c.StartsWith("ack:", StringComparison.Ordinal)), TimeSpan.FromSeconds(60));
            var ack = final.CustomIds.Single(c => c.StartsWith("ack:", StringComparison.Ordinal));
            var sessionId = ack.Split(':')[1];
            var click = discord.ButtonClick(ack);
            Assert.Equal(7, (await discord.SendAsync(bot.Interactions, click)).CallbackType);
            bot.Terminate();
            Assert.True(await bot.WaitForExitAsync(TimeSpan.FromSeconds(30)), bot.Output);

            var lines = bot.StandardOutputLines;
            var parsed = lines.Select(l =>
            {
                try
                {
                    return JsonDocument.Parse(l).RootElement.Clone();
                }
                catch (JsonException e)
                {
                    throw new Xunit.Sdk.XunitException($"not a JSON log line ({e.Message}): {l}");
                }
            }).ToList();
            Assert.All(parsed, p =>
            {
                Assert.True(p.TryGetProperty("Timestamp", out _));
                Assert.True(p.TryGetProperty("LogLevel", out _));
                Assert.True(p.TryGetProperty("Category", out _));
                Assert.True(p.TryGetProperty("Message", out _));
            });

            // Every line that is about this session carries it as a scope field, and the runner's outcome line is among them.
            var about = parsed.Where(p => p.GetProperty("Message").GetString()!.Contains(sessionId, StringComparison.Ordinal)).ToList();
            Assert.NotEmpty(about);
            Assert.All(about, p => Assert.Equal(sessionId, Scope(p, "SessionId")));
            var finished = Assert.Single(parsed, p => p.GetProperty("EventId").GetInt32() == 2201);
            Assert.Equal(sessionId, Scope(finished, "SessionId"));
            Assert.Equal(discord.ChannelId, Scope(finished, "ChannelId"));
            Assert.Equal(discord.GuildId, Scope(finished, "GuildId"));

            // The click's lines carry its interaction id, and those the click caused carry the session id too.
            var clickLines = parsed.Where(p => Scope(p, "InteractionId") == click["id"]!.GetValue<string>()).ToList();
            Assert.NotEmpty(clickLines);

            var secrets = new[] { discord.BotToken, command["token"]!.GetValue<string>(), click["token"]!.GetValue<string>(), SimulatedAws.SimulatorSecretAccessKey };
            Assert.All(lines, l => Assert.All(secrets, s => Assert.DoesNotContain(s, l, StringComparison.Ordinal)));
        }
        finally
        {
            work.Delete(recursive: true);
        }
    }

    private static string? Scope(JsonElement line, string name)
    {
        if (!line.TryGetProperty("Scopes", out var scopes))
        {
            return null;
        }

        foreach (var scope in scopes.EnumerateArray())
        {
            if (scope.ValueKind == JsonValueKind.Object && scope.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String)
            {
                return value.GetString();
            }
        }

        return null;
    }
}
