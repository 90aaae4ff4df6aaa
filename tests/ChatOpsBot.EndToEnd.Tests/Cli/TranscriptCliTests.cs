using System.Text.Json;
using ChatOpsBot.Cli;
using ChatOpsBot.EndToEnd.Tests.Support;

namespace ChatOpsBot.EndToEnd.Tests.Cli;

/// <summary>Post-incident review from the terminal and from chat, over a store written by a real Discord session.</summary>
public sealed class TranscriptCliTests
{
    [Fact]
    public async Task ListShowExport_ReadTheSessionAsATimeline_AndSlashTranscriptAttachesTheSame()
    {
        await using var bot = await BotUnderTest.StartAsync();
        var d = bot.Discord;
        var command = d.SlashCommand(["diagnose", "503"], new Dictionary<string, object> { ["lb"] = "demo-alb" });
        await d.SendAsync(bot.Interactions, command);
        var final = await d.WaitForOriginalAsync(command["id"]!.GetValue<string>(), m => !m.Loading && m.CustomIds.Count > 0, TimeSpan.FromSeconds(30));
        await d.SendAsync(bot.Interactions, d.ButtonClick(final.CustomIds.Single(c => c.StartsWith("ack:", StringComparison.Ordinal))));
        await d.SendAsync(bot.Interactions, d.ButtonClick(final.CustomIds.Single(c => c.StartsWith("resolve:", StringComparison.Ordinal))));
        var sessionId = final.CustomIds[0].Split(':')[1];
        var db = bot.Settings["Transcripts:SqlitePath"]!;

        var list = await Run("transcript", "list", "--since", "1h", "--db", db);
        Assert.Equal(0, list.Code);
        Assert.Contains(sessionId, list.Out, StringComparison.Ordinal);
        Assert.Contains("network-blocked", list.Out, StringComparison.Ordinal);
        Assert.Contains("resolved by", list.Out, StringComparison.Ordinal);

        var show = await Run("transcript", "show", sessionId, "--db", db);
        Assert.Equal(0, show.Code);
        Assert.Contains("acknowledged", show.Out, StringComparison.Ordinal);
        Assert.Contains("marked resolved", show.Out, StringComparison.Ordinal);
        Assert.Contains("aws ec2 authorize-security-group-ingress", show.Out, StringComparison.Ordinal);
        Assert.DoesNotContain(command["token"]!.GetValue<string>(), show.Out, StringComparison.Ordinal);

        var export = await Run("transcript", "export", sessionId, "--format", "json", "--db", db);
        Assert.Equal(0, export.Code);
        using var json = JsonDocument.Parse(export.Out);
        Assert.Equal(sessionId, json.RootElement.GetProperty("session").GetProperty("id").GetString());
        Assert.True(json.RootElement.GetProperty("entries").GetArrayLength() > 10);

        var missing = await Run("transcript", "show", "nosuchsession", "--db", db);
        Assert.Equal(2, missing.Code);

        var slash = d.SlashCommand(["diagnose", "transcript"], new Dictionary<string, object> { ["id"] = sessionId });
        Assert.Equal(5, (await d.SendAsync(bot.Interactions, slash)).CallbackType);
        var attached = await d.WaitForOriginalAsync(slash["id"]!.GetValue<string>(), m => m.Attachments.Count > 0, TimeSpan.FromSeconds(10));
        Assert.Equal($"transcript-{sessionId}.md", attached.Attachments[0].FileName);
    }

    private static async Task<(int Code, string Out, string Err)> Run(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var code = await CliApp.RunAsync(args, new Terminal(output, error, color: false), TimeProvider.System, CancellationToken.None);
        return (code, output.ToString(), error.ToString());
    }
}
