using ChatOpsBot.Cli;
using ChatOpsBot.EndToEnd.Tests.Support;
using ChatOpsBot.Testing;
using Microsoft.Extensions.Logging;

namespace ChatOpsBot.EndToEnd.Tests.Discord;

/// <summary>Running the bot: command registration, configuration errors, and secrets kept out of logs.</summary>
public sealed class DiscordOperationsTests
{
    [Fact]
    public async Task RegisterCommands_InAGuild_InstallsDiagnoseWithItsSubcommands()
    {
        await using var discord = await FakeDiscord.StartAsync(new FakeDiscordOptions());
        var output = new StringWriter();
        var command = new RegisterCommandsCommand(new Terminal(output, new StringWriter(), color: false));

        var code = await command.RunAsync(["--guild", discord.GuildId], Settings(discord), CancellationToken.None);

        Assert.Equal(0, code);
        var registered = Assert.Single(discord.RegisteredCommands(discord.GuildId));
        Assert.Equal("diagnose", registered["name"]!.GetValue<string>());
        var subcommands = registered["options"]!.AsArray().Select(o => o!["name"]!.GetValue<string>()).ToArray();
        Assert.Contains("503", subcommands);
        Assert.Contains("transcript", subcommands);
        Assert.Contains("usable now", output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Serve_WithoutDiscordSettings_ExitsTwoNamingEachMissingSetting()
    {
        var run = await ChildProcess.RunAsync(new Dictionary<string, string>(), "serve", "--simulate", "--urls", "http://127.0.0.1:0");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("Discord:ApplicationId is missing", run.Stderr, StringComparison.Ordinal);
        Assert.Contains("Discord:PublicKey is missing", run.Stderr, StringComparison.Ordinal);
        Assert.Contains("Discord:BotToken is missing", run.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ADiagnosisWithClicksAndRetries_NeverWritesATokenToTheLogs()
    {
        var logs = new CapturedLogs();
        await using var bot = await BotUnderTest.StartAsync(
            extra: new Dictionary<string, string?> { ["Logging:LogLevel:Default"] = "Trace" },
            configure: b =>
            {
                b.Logging.SetMinimumLevel(LogLevel.Trace);
                b.Logging.AddProvider(logs);
            });
        var d = bot.Discord;
        d.RateLimitNext(DiscordRoutes.EditOriginalResponse, times: 1);
        var command = d.SlashCommand(["diagnose", "503"], new Dictionary<string, object> { ["lb"] = "demo-alb" });
        await d.SendAsync(bot.Interactions, command);
        var final = await d.WaitForOriginalAsync(command["id"]!.GetValue<string>(), m => !m.Loading && m.CustomIds.Count > 0, TimeSpan.FromSeconds(30));
        var click = d.ButtonClick(final.CustomIds.Single(c => c.StartsWith("transcript:", StringComparison.Ordinal)));
        await d.SendAsync(bot.Interactions, click);
        await d.WaitForOriginalAsync(click["id"]!.GetValue<string>(), m => m.Attachments.Count > 0, TimeSpan.FromSeconds(10));

        var secrets = new[] { d.BotToken, command["token"]!.GetValue<string>(), click["token"]!.GetValue<string>(), bot.Aws.Aws.SecretAccessKey };
        Assert.NotEmpty(logs.Lines);
        foreach (var line in logs.Lines)
        {
            foreach (var secret in secrets)
            {
                Assert.DoesNotContain(secret, line, StringComparison.Ordinal);
            }
        }
    }

    private static Dictionary<string, string?> Settings(FakeDiscord discord) => new()
    {
        ["Discord:ApplicationId"] = discord.ApplicationId,
        ["Discord:PublicKey"] = discord.PublicKeyHex,
        ["Discord:BotToken"] = discord.BotToken,
        ["Discord:ApiBaseUrl"] = discord.ApiBaseUrl.ToString(),
    };
}
