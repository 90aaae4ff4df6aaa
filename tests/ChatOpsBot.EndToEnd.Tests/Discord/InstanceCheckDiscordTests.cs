using System.Text.Json.Nodes;
using ChatOpsBot.Discord.Hosting;
using ChatOpsBot.EndToEnd.Tests.Support;
using ChatOpsBot.Runbooks.Sessions;
using ChatOpsBot.Simulator.Scenarios;
using ChatOpsBot.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace ChatOpsBot.EndToEnd.Tests.Discord;

/// <summary>
/// "Check on instances" through the real host, the simulated AWS (SSM Run Command from the scenario's instance facts)
/// and the fake Discord: offered only when configured, refused privately to anyone without the configured role, and
/// otherwise the clicked findings become the on-instance diagnosis of a new, linked session.
/// </summary>
public sealed class InstanceCheckDiscordTests
{
    private const string ProbeRole = "400000000000000001";

    private static readonly Dictionary<string, string?> Enabled = new()
    {
        ["InstanceProbe:Enabled"] = "true",
        ["InstanceProbe:Roles:0"] = ProbeRole,
        ["InstanceProbe:ServiceName"] = "orders-api",
    };

    [Fact]
    public async Task NotConfigured_FindingsHaveNoCheckOnInstancesButton_AndNoSsmCommandIsSent()
    {
        await using var bot = await BotUnderTest.StartAsync("probe-wrong-bind-address");

        var final = await DiagnoseAsync(bot);

        Assert.Equal(5, final.CustomIds.Count);
        Assert.DoesNotContain(final.CustomIds, c => c.StartsWith("probe:", StringComparison.Ordinal));
        Assert.DoesNotContain(bot.Aws.Aws.Requests, r => r.Action == "SendCommand");
    }

    [Fact]
    public async Task WithoutTheRole_IsRefusedPrivately_NothingRuns_AndAResolvedIncidentIsRefusedToo()
    {
        await using var bot = await BotUnderTest.StartAsync("probe-wrong-bind-address", Enabled);
        var d = bot.Discord;
        var final = await DiagnoseAsync(bot);
        var probe = final.CustomIds.Single(c => c.StartsWith("probe:", StringComparison.Ordinal));
        var awsCalls = bot.Aws.Aws.Requests.Count;

        var refused = await d.SendAsync(bot.Interactions, d.ButtonClick(probe)); // the default user is on call, but has not the probe role

        Assert.Equal(4, refused.CallbackType);
        Assert.Equal(64, refused.Json!["data"]!["flags"]!.GetValue<int>());
        Assert.Contains("InstanceProbe:Roles", refused.Json.ToJsonString(), StringComparison.Ordinal);
        Assert.Equal(awsCalls, bot.Aws.Aws.Requests.Count);
        Assert.Equal(final.Json.ToJsonString(), d.GetMessage(final.Id)!.Json.ToJsonString());

        var resolve = await d.SendAsync(bot.Interactions, d.ButtonClick(final.CustomIds.Single(c => c.StartsWith("resolve:", StringComparison.Ordinal))));
        Assert.Equal(7, resolve.CallbackType);
        Assert.True(IsDisabled(d.GetMessage(final.Id)!, probe));
        var afterResolve = await d.SendAsync(bot.Interactions, d.ButtonClick(probe, user: Sre(d)));
        Assert.Equal(4, afterResolve.CallbackType);
        Assert.Contains("marked this incident resolved", afterResolve.Json!.ToJsonString(), StringComparison.Ordinal);
        Assert.Equal(awsCalls, bot.Aws.Aws.Requests.Count);

        var entries = await Entries(bot, probe.Split(':')[1]);
        Assert.Contains(entries, e => e.Kind == TranscriptEntryKind.Click && e.Text == "clicked CheckInstances");
        Assert.Contains(entries, e => e.Text.StartsWith("refused on-instance checks to Oncall", StringComparison.Ordinal));
    }

    [Fact]
    public async Task WithTheRole_EditsTheSameMessageLive_IntoFindingsThatNameTheWrongBindAddress_LinkedInBothTranscripts()
    {
        await using var bot = await BotUnderTest.StartAsync("probe-wrong-bind-address", Enabled);
        var d = bot.Discord;
        var final = await DiagnoseAsync(bot);
        Assert.DoesNotContain("listens on 127.0.0.1:8080", final.Json.ToJsonString(), StringComparison.Ordinal);
        var probe = final.CustomIds.Single(c => c.StartsWith("probe:", StringComparison.Ordinal));
        var firstSession = probe.Split(':')[1];
        var ack = await d.SendAsync(bot.Interactions, d.ButtonClick(final.CustomIds.Single(c => c.StartsWith("ack:", StringComparison.Ordinal))));
        Assert.Equal(7, ack.CallbackType);
        var versionsBefore = d.GetMessage(final.Id)!.History.Count;

        var click = d.ButtonClick(probe, user: Sre(d));
        var reply = await d.SendAsync(bot.Interactions, click);

        Assert.Equal(6, reply.CallbackType);
        Assert.True(reply.Acknowledged, string.Join("; ", reply.Violations));
        var updated = await d.WaitForOriginalAsync(
            Id(click),
            m => m.CustomIds.Count > 0 && !m.CustomIds[0].EndsWith(firstSession, StringComparison.Ordinal) && !m.Json.ToJsonString().Contains("Diagnosing", StringComparison.Ordinal),
            TimeSpan.FromSeconds(30));
        Assert.Equal(final.Id, updated.Id);
        var text = updated.Json.ToJsonString();
        Assert.Contains("Root cause: unhealthy-targets", text, StringComparison.Ordinal);
        Assert.Contains("listens on 127.0.0.1:8080", text, StringComparison.Ordinal);
        Assert.Contains("bind 0.0.0.0:8080", text, StringComparison.Ordinal);
        Assert.Contains(bot.Aws.Aws.Requests, r => r.Service == "ssm" && r.Action == "SendCommand");
        Assert.Contains("\"name\":\"On it\"", text, StringComparison.Ordinal); // the acknowledgement carries over to the new session
        Assert.Single(d.ChannelMessages(d.ChannelId), m => !m.Ephemeral && m.Json["embeds"] is JsonArray { Count: > 0 });

        // Live: progress versions of the same message between the old findings and the new ones.
        Assert.Contains(updated.History.Skip(versionsBefore), v => v.ToJsonString().Contains("checking", StringComparison.Ordinal));

        // The new session has all the buttons again, the check included.
        var secondSession = updated.CustomIds[0].Split(':')[1];
        Assert.Equal(6, updated.CustomIds.Count);
        Assert.All(updated.CustomIds, c => Assert.EndsWith(":" + secondSession, c, StringComparison.Ordinal));
        Assert.All(d.CallsFor(Id(click)), c => Assert.Empty(c.Violations));

        var before = await Entries(bot, firstSession);
        Assert.Contains(before, e => e.Kind == TranscriptEntryKind.Click && e.Text == "clicked CheckInstances" && e.Actor.StartsWith("Sre", StringComparison.Ordinal));
        Assert.Contains(before, e => e.Text.Contains($"started session {secondSession} with on-instance checks", StringComparison.Ordinal));
        var after = await Entries(bot, secondSession);
        Assert.Contains(after, e => e.Kind == TranscriptEntryKind.Click && e.Text.StartsWith($"clicked Check on instances on session {firstSession}", StringComparison.Ordinal));
        Assert.Contains(after, e => e.Kind == TranscriptEntryKind.Outcome && e.DataJson!.Contains("unhealthy-targets", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AccessDeniedOnSendCommand_IsALineInTheUpdatedFindings_NotAFailure()
    {
        await using var bot = await BotUnderTest.StartAsync("probe-crashed-process", Enabled);
        var d = bot.Discord;
        var final = await DiagnoseAsync(bot);
        bot.Aws.Aws.InjectFault(new ScenarioFault { Service = "ssm", Action = "SendCommand", Error = "AccessDeniedException" });

        var click = d.ButtonClick(final.CustomIds.Single(c => c.StartsWith("probe:", StringComparison.Ordinal)), user: Sre(d));
        var reply = await d.SendAsync(bot.Interactions, click);

        Assert.Equal(6, reply.CallbackType);
        var updated = await d.WaitForOriginalAsync(
            Id(click),
            m => m.CustomIds.Count > 0 && m.CustomIds[0] != final.CustomIds[0] && !m.Json.ToJsonString().Contains("Diagnosing", StringComparison.Ordinal),
            TimeSpan.FromSeconds(30));
        var text = updated.Json.ToJsonString();
        Assert.Contains("Root cause: unhealthy-targets", text, StringComparison.Ordinal);
        var gaps = updated.Embeds[0]!["fields"]!.AsArray().Single(f => f!["name"]!.GetValue<string>() == "Could not check")!["value"]!.GetValue<string>();
        Assert.Contains("on-instance checks: `ssm:SendCommand` (AccessDenied)", gaps, StringComparison.Ordinal);
        Assert.Contains(bot.Aws.Aws.Requests, r => r.Action == "SendCommand" && r.ErrorCode == "AccessDeniedException");
    }

    [Fact]
    public async Task DiagnosisThatFoundNoLoadBalancer_OffersTheButtonDisabled_AndAForgedClickIsRefused()
    {
        await using var bot = await BotUnderTest.StartAsync("probe-wrong-bind-address", Enabled);
        var d = bot.Discord;
        var final = await DiagnoseAsync(bot, "orders-alb2");
        var probe = final.CustomIds.Single(c => c.StartsWith("probe:", StringComparison.Ordinal));
        Assert.True(IsDisabled(final, probe));

        var refused = await d.SendAsync(bot.Interactions, d.ButtonClick(probe, user: Sre(d)));

        Assert.Equal(4, refused.CallbackType);
        Assert.Equal(64, refused.Json!["data"]!["flags"]!.GetValue<int>());
        Assert.Contains("no instances to check on", refused.Json.ToJsonString(), StringComparison.Ordinal);
        Assert.DoesNotContain(bot.Aws.Aws.Requests, r => r.Action == "SendCommand");
    }

    [Fact]
    public async Task QueueFull_SaysBusyPrivately_AndTheTranscriptSaysTheChecksDidNotStart()
    {
        await using var bot = await BotUnderTest.StartAsync("probe-wrong-bind-address", new Dictionary<string, string?>(Enabled) { ["Discord:MaxConcurrentDiagnoses"] = "1" });
        var d = bot.Discord;
        var final = await DiagnoseAsync(bot);
        var probe = final.CustomIds.Single(c => c.StartsWith("probe:", StringComparison.Ordinal));
        var queue = bot.App.Services.GetRequiredService<WorkQueue>();
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        try
        {
            // The one worker takes a blocker and hangs on it; then the queue behind it is filled to capacity.
            Assert.True(queue.TryEnqueue(new WorkItem("blocker", _ => release.Task)));
            for (var waited = 0; (queue.Running, queue.Depth) != (1, 0) && waited < 500; waited++)
            {
                await Task.Delay(10);
            }

            Assert.Equal((1, 0), (queue.Running, queue.Depth));
            while (queue.TryEnqueue(new WorkItem("blocker", _ => release.Task)))
            {
            }

            var busy = await d.SendAsync(bot.Interactions, d.ButtonClick(probe, user: Sre(d)));

            Assert.Equal(4, busy.CallbackType);
            Assert.Equal(64, busy.Json!["data"]!["flags"]!.GetValue<int>());
            Assert.Contains("Too many diagnoses are waiting", busy.Json.ToJsonString(), StringComparison.Ordinal);
        }
        finally
        {
            release.SetResult();
        }

        Assert.Contains(await Entries(bot, probe.Split(':')[1]), e => e.Text == "on-instance checks not started: too many diagnoses are waiting");
        Assert.DoesNotContain(bot.Aws.Aws.Requests, r => r.Action == "SendCommand");
    }

    private static async Task<FakeMessage> DiagnoseAsync(BotUnderTest bot, string loadBalancer = "orders-alb")
    {
        var d = bot.Discord;
        var command = d.SlashCommand(["diagnose", "503"], new Dictionary<string, object> { ["lb"] = loadBalancer });
        var reply = await d.SendAsync(bot.Interactions, command);
        Assert.Equal(5, reply.CallbackType);
        return await d.WaitForOriginalAsync(Id(command), m => !m.Loading && m.CustomIds.Count > 0, TimeSpan.FromSeconds(30));
    }

    private static FakeUser Sre(FakeDiscord d) => d.CreateUser("sre", [d.ResponderRoleId, ProbeRole]);

    private static bool IsDisabled(FakeMessage message, string customId) =>
        message.Components.SelectMany(r => r!["components"]!.AsArray()).Single(b => b!["custom_id"]!.GetValue<string>() == customId)!["disabled"]?.GetValue<bool>() ?? false;

    private static Task<IReadOnlyList<TranscriptEntry>> Entries(BotUnderTest bot, string sessionId) =>
        bot.App.Services.GetRequiredService<ITranscriptStore>().GetEntriesAsync(sessionId, CancellationToken.None);

    private static string Id(JsonObject interaction) => interaction["id"]!.GetValue<string>();
}
