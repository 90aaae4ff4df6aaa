using System.Buffers.Binary;
using System.Text;
using System.Text.Json.Nodes;
using ChatOpsBot.Cli;
using ChatOpsBot.Discord.Hosting;
using ChatOpsBot.EndToEnd.Tests.Support;
using ChatOpsBot.Runbooks.Charts;
using ChatOpsBot.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ChatOpsBot.EndToEnd.Tests.Discord;

/// <summary>
/// Charts through the real host, the simulated AWS and the fake Discord (which keeps or drops attachments on edits as
/// API v10 does and refuses <c>attachment://</c> to a file the message does not have): uploaded with the findings,
/// kept through Acknowledge and Resolve, attached with the transcript, and written as PNGs by the transcript export.
/// </summary>
public sealed class ChartsDiscordTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "chatopsbot-export-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task Findings_UploadValidPngChartsShownByTheEmbeds_AndAcknowledgeResolveKeepTheSameAttachments()
    {
        await using var bot = await BotUnderTest.StartAsync();
        var d = bot.Discord;
        var command = d.SlashCommand(["diagnose", "503"], new Dictionary<string, object> { ["lb"] = "demo-alb" });
        await d.SendAsync(bot.Interactions, command);
        var final = await d.WaitForOriginalAsync(Id(command), m => !m.Loading && m.CustomIds.Count > 0, TimeSpan.FromSeconds(30));

        var charts = final.Attachments.Where(a => a.FileName.EndsWith(".png", StringComparison.Ordinal)).ToArray();
        Assert.InRange(charts.Length, 1, 3);
        Assert.Contains(charts, c => c.FileName == "5xx-by-producer.png");
        foreach (var chart in charts)
        {
            AssertSensiblePng(chart.Content);
            Assert.Equal("image/png", chart.ContentType);
            Assert.StartsWith("Chart: ", chart.Description, StringComparison.Ordinal);
            Assert.Contains("demo-alb", chart.Description, StringComparison.Ordinal);
        }

        Assert.Equal(charts.Select(c => "attachment://" + c.FileName), ImageUrls(final));
        Assert.Equal("503 diagnosis · demo-alb", final.Embeds[0]!["title"]!.GetValue<string>());

        string Button(string action) => final.CustomIds.Single(c => c.StartsWith(action + ":", StringComparison.Ordinal));
        var ack = await d.SendAsync(bot.Interactions, d.ButtonClick(Button("ack")));
        Assert.Equal(7, ack.CallbackType);
        Assert.True(ack.Acknowledged, string.Join("; ", ack.Violations));
        var acknowledged = await d.WaitForOriginalAsync(Id(command), m => m.Json.ToJsonString().Contains("on it", StringComparison.Ordinal), TimeSpan.FromSeconds(10));
        AssertSameCharts(charts, acknowledged);

        var resolve = await d.SendAsync(bot.Interactions, d.ButtonClick(Button("resolve")));
        Assert.Equal(7, resolve.CallbackType);
        var resolved = await d.WaitForOriginalAsync(Id(command), m => m.Json.ToJsonString().Contains("Resolved", StringComparison.Ordinal), TimeSpan.FromSeconds(10));
        AssertSameCharts(charts, resolved);
        Assert.All(d.Calls, c => Assert.Empty(c.Violations));
        Assert.All(d.Calls, c => Assert.True(c.Status is >= 200 and < 300, $"{c.Route} answered {c.Status}"));
    }

    [Fact]
    public async Task TranscriptButton_WhenTheQueueTakesNoMoreWork_SaysBusyPrivately_InsteadOfLeavingThinkingForever()
    {
        await using var bot = await BotUnderTest.StartAsync(extra: new Dictionary<string, string?> { ["Discord:MaxConcurrentDiagnoses"] = "1" });
        var d = bot.Discord;
        var command = d.SlashCommand(["diagnose", "503"], new Dictionary<string, object> { ["lb"] = "demo-alb" });
        await d.SendAsync(bot.Interactions, command);
        var final = await d.WaitForOriginalAsync(Id(command), m => !m.Loading && m.CustomIds.Count > 0, TimeSpan.FromSeconds(30));
        var queue = bot.App.Services.GetRequiredService<WorkQueue>();
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        try
        {
            // The one worker hangs on a blocker; the queue behind it is filled to capacity.
            Assert.True(queue.TryEnqueue(new WorkItem("blocker", _ => release.Task)));
            for (var waited = 0; (queue.Running, queue.Depth) != (1, 0) && waited < 500; waited++)
            {
                await Task.Delay(10);
            }

            while (queue.TryEnqueue(new WorkItem("blocker", _ => release.Task)))
            {
            }

            var busy = await d.SendAsync(bot.Interactions, d.ButtonClick(final.CustomIds.Single(c => c.StartsWith("transcript:", StringComparison.Ordinal))));

            Assert.Equal(4, busy.CallbackType);
            Assert.Equal(64, busy.Json!["data"]!["flags"]!.GetValue<int>());
            Assert.Contains("Too many diagnoses are waiting", busy.Json.ToJsonString(), StringComparison.Ordinal);
        }
        finally
        {
            release.SetResult();
        }
    }

    [Fact]
    public async Task NoChartRenderer_FindingsArriveWithoutPictures_AndTheTranscriptStillNamesTheCharts()
    {
        await using var bot = await BotUnderTest.StartAsync(configure: b => b.Services.RemoveAll<IChartImageRenderer>());
        var d = bot.Discord;
        var command = d.SlashCommand(["diagnose", "503"], new Dictionary<string, object> { ["lb"] = "demo-alb" });
        await d.SendAsync(bot.Interactions, command);
        var final = await d.WaitForOriginalAsync(Id(command), m => !m.Loading && m.CustomIds.Count > 0, TimeSpan.FromSeconds(30));

        Assert.DoesNotContain(final.Attachments, a => a.FileName.EndsWith(".png", StringComparison.Ordinal));
        Assert.Empty(ImageUrls(final));
        Assert.Contains("network-blocked", final.Json.ToJsonString(), StringComparison.Ordinal);
        var ack = await d.SendAsync(bot.Interactions, d.ButtonClick(final.CustomIds.Single(c => c.StartsWith("ack:", StringComparison.Ordinal))));
        Assert.Equal(7, ack.CallbackType);
        Assert.All(d.Calls, c => Assert.Empty(c.Violations));

        var sessionId = final.CustomIds[0].Split(':')[1];
        var stdout = await Run("transcript", "export", sessionId, "--format", "md", "--db", bot.Settings["Transcripts:SqlitePath"]!);
        Assert.Contains("### 5xx by producer — demo-alb", stdout.Out, StringComparison.Ordinal); // stored even though not drawn
    }

    [Fact]
    public async Task TranscriptButtonAndExport_CarryTheChartsAsPngsLinkedFromTheMarkdown()
    {
        await using var bot = await BotUnderTest.StartAsync();
        var d = bot.Discord;
        var command = d.SlashCommand(["diagnose", "503"], new Dictionary<string, object> { ["lb"] = "demo-alb" });
        await d.SendAsync(bot.Interactions, command);
        var final = await d.WaitForOriginalAsync(Id(command), m => !m.Loading && m.CustomIds.Count > 0, TimeSpan.FromSeconds(30));
        var sessionId = final.CustomIds[0].Split(':')[1];

        var click = d.ButtonClick(final.CustomIds.Single(c => c.StartsWith("transcript:", StringComparison.Ordinal)));
        Assert.Equal(5, (await d.SendAsync(bot.Interactions, click)).CallbackType);
        var attached = await d.WaitForOriginalAsync(Id(click), m => m.Attachments.Count > 1, TimeSpan.FromSeconds(20));
        Assert.Equal($"transcript-{sessionId}.md", attached.Attachments[0].FileName);
        var markdown = Encoding.UTF8.GetString(attached.Attachments[0].Content);
        var pngs = attached.Attachments.Skip(1).ToArray();
        Assert.Contains(pngs, p => p.FileName == "5xx-by-producer.png");
        foreach (var png in pngs)
        {
            AssertSensiblePng(png.Content);
            Assert.Contains($"]({png.FileName})", markdown, StringComparison.Ordinal);
        }

        Assert.Contains("## Charts", markdown, StringComparison.Ordinal);
        Assert.All(d.Calls, c => Assert.Empty(c.Violations));

        var db = bot.Settings["Transcripts:SqlitePath"]!;
        var export = await Run("transcript", "export", sessionId, "--format", "md", "--out", _directory + Path.DirectorySeparatorChar, "--db", db);
        Assert.True(export.Code == 0, export.Err);
        var written = await File.ReadAllTextAsync(Path.Combine(_directory, sessionId + ".md"));
        var chartsFolder = Path.Combine(_directory, sessionId + "-charts");
        var files = Directory.GetFiles(chartsFolder, "*.png").Select(Path.GetFileName).ToArray();
        Assert.Equal(pngs.Select(p => p.FileName).Order(StringComparer.Ordinal), files.Order(StringComparer.Ordinal));
        foreach (var file in files)
        {
            AssertSensiblePng(await File.ReadAllBytesAsync(Path.Combine(chartsFolder, file!)));
            Assert.Contains($"]({sessionId}-charts/{file})", written, StringComparison.Ordinal);
        }

        Assert.Contains(chartsFolder, export.Err, StringComparison.Ordinal);

        var stdout = await Run("transcript", "export", sessionId, "--format", "md", "--db", db);
        Assert.Equal(0, stdout.Code);
        Assert.Contains("## Charts", stdout.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("![", stdout.Out, StringComparison.Ordinal);
        Assert.Contains("--out DIR", stdout.Out, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }

    /// <summary>The PNG signature, an IHDR of the renderer's 900×360, and a size a real chart has (not an empty canvas).</summary>
    private static void AssertSensiblePng(byte[] png)
    {
        Assert.Equal([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A], png[..8]);
        Assert.Equal("IHDR", Encoding.ASCII.GetString(png, 12, 4));
        Assert.Equal(900, BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(16, 4)));
        Assert.Equal(360, BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(20, 4)));
        Assert.InRange(png.Length, 8 * 1024, 2 * 1024 * 1024);
    }

    private static void AssertSameCharts(IReadOnlyList<FakeAttachment> uploaded, FakeMessage after)
    {
        var kept = after.Attachments.Where(a => a.FileName.EndsWith(".png", StringComparison.Ordinal)).ToArray();
        Assert.Equal(uploaded.Select(a => a.Id), kept.Select(a => a.Id)); // same ids: kept, not uploaded again
        Assert.Equal(uploaded.Select(a => a.FileName), ImageUrls(after).Select(u => u["attachment://".Length..]));
    }

    private static IEnumerable<string> ImageUrls(FakeMessage message) =>
        message.Embeds.OfType<JsonObject>().Select(e => e["image"]?["url"]?.GetValue<string>()).OfType<string>();

    private static string Id(JsonObject interaction) => interaction["id"]!.GetValue<string>();

    private static async Task<(int Code, string Out, string Err)> Run(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var code = await CliApp.RunAsync(args, new Terminal(output, error, color: false), TimeProvider.System, CancellationToken.None);
        return (code, output.ToString(), error.ToString());
    }
}
