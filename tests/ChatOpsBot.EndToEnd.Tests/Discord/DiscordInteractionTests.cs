using System.Text;
using System.Text.Json.Nodes;
using ChatOpsBot.EndToEnd.Tests.Support;
using ChatOpsBot.Testing;

namespace ChatOpsBot.EndToEnd.Tests.Discord;

/// <summary>
/// /diagnose through the real host on loopback: signed interactions from a fake Discord that judges every reply and
/// REST call the way Discord does, the production AWS clients against the simulated AWS behind.
/// </summary>
public sealed class DiscordInteractionTests
{
    private static readonly IReadOnlyDictionary<string, object> DemoAlb = new Dictionary<string, object> { ["lb"] = "demo-alb" };

    [Fact]
    public async Task Ping_IsAnsweredWithPong_AndEveryBadOrStaleSignatureGets401()
    {
        await using var bot = await BotUnderTest.StartAsync();
        var d = bot.Discord;

        var pong = await d.SendAsync(bot.Interactions, d.Ping());
        Assert.Equal(200, pong.StatusCode);
        Assert.Equal(1, pong.CallbackType);

        foreach (var fault in Enum.GetValues<SignatureFault>())
        {
            var reply = await d.SendWithBadSignatureAsync(bot.Interactions, d.SlashCommand(["diagnose", "503"], DemoAlb), fault);
            Assert.True(reply.StatusCode == 401, $"{fault}: {reply.StatusCode}");
        }

        var stale = await d.SendWithStaleTimestampAsync(bot.Interactions, d.SlashCommand(["diagnose", "503"], DemoAlb), TimeSpan.FromMinutes(6));
        Assert.Equal(401, stale.StatusCode);
        Assert.Empty(bot.Aws.Aws.Requests);
    }

    [Fact]
    public async Task Diagnose503_DefersAtOnce_EditsLive_AndEndsWithRootCauseFixAndButtons()
    {
        await using var bot = await BotUnderTest.StartAsync();
        var d = bot.Discord;
        var command = d.SlashCommand(["diagnose", "503"], DemoAlb);

        var reply = await d.SendAsync(bot.Interactions, command);

        Assert.Equal(5, reply.CallbackType);
        Assert.True(reply.Acknowledged, string.Join("; ", reply.Violations));
        Assert.True(reply.Elapsed < TimeSpan.FromSeconds(1), $"deferral took {reply.Elapsed}");
        var id = Id(command);
        var final = await d.WaitForOriginalAsync(id, m => !m.Loading && m.CustomIds.Count > 0, TimeSpan.FromSeconds(30));
        var embed = final.Embeds[0]!.AsObject();
        Assert.Equal("503 diagnosis · demo-alb", embed["title"]!.GetValue<string>());
        var fields = Fields(embed);
        Assert.Contains("Root cause: network-blocked", fields.Keys);
        Assert.Contains("sg-07a4c9e2b1d3f5a80", fields["Root cause: network-blocked"], StringComparison.Ordinal);
        Assert.Contains("aws ec2 authorize-security-group-ingress", fields["Command"], StringComparison.Ordinal);
        Assert.Contains("Why it works", fields.Keys);
        Assert.Equal(5, final.CustomIds.Count);

        // Live: at least one progress version (a checklist with "checking") before the findings.
        Assert.Contains(final.History, v => v.ToJsonString().Contains("checking", StringComparison.Ordinal));
        Assert.All(d.CallsFor(id), c =>
        {
            Assert.Empty(c.Violations);
            Assert.NotEqual(false, c.AllowedMentionsOk);
            Assert.True(c.Status is >= 200 and < 300, $"{c.Route} answered {c.Status}");
        });
    }

    [Fact]
    public async Task SameInteractionDeliveredTwice_IsDiagnosedOnce()
    {
        await using var bot = await BotUnderTest.StartAsync();
        var d = bot.Discord;
        var command = d.SlashCommand(["diagnose", "503"], DemoAlb);

        var first = await d.SendAsync(bot.Interactions, command);
        var second = await d.SendDuplicateAsync(bot.Interactions, command);
        await d.WaitForOriginalAsync(Id(command), m => !m.Loading && m.CustomIds.Count > 0, TimeSpan.FromSeconds(30));

        Assert.Equal(first.Body, second.Body);
        Assert.Single(bot.Aws.Aws.Requests, r => r.Action == "DescribeLoadBalancers");
    }

    [Fact]
    public async Task Autocomplete_OffersTheAccountsLoadBalancersMatchingWhatWasTyped()
    {
        await using var bot = await BotUnderTest.StartAsync("paginated-account");
        var d = bot.Discord;

        var reply = await d.SendAsync(bot.Interactions, d.Autocomplete(["diagnose", "503"], "lb", "PLAT"));

        Assert.Equal(8, reply.CallbackType);
        var choices = reply.Json!["data"]!["choices"]!.AsArray().Select(c => c!["value"]!.GetValue<string>()).ToArray();
        Assert.Contains("platform-alb", choices);
        Assert.All(choices, c => Assert.Contains("plat", c, StringComparison.OrdinalIgnoreCase));
        Assert.InRange(choices.Length, 1, 25);
    }

    [Fact]
    public async Task Buttons_AcknowledgeResolveEvidenceTranscript_RecordWhoAndNeverError()
    {
        await using var bot = await BotUnderTest.StartAsync();
        var d = bot.Discord;
        var command = d.SlashCommand(["diagnose", "503"], DemoAlb);
        await d.SendAsync(bot.Interactions, command);
        var final = await d.WaitForOriginalAsync(Id(command), m => !m.Loading && m.CustomIds.Count > 0, TimeSpan.FromSeconds(30));
        string Button(string action) => final.CustomIds.Single(c => c.StartsWith(action + ":", StringComparison.Ordinal));

        var evidence = await d.SendAsync(bot.Interactions, d.ButtonClick(Button("evidence")));
        Assert.True(evidence.Acknowledged, string.Join("; ", evidence.Violations));
        Assert.Equal(64, evidence.Json!["data"]!["flags"]!.GetValue<int>() & 64);

        var ack = await d.SendAsync(bot.Interactions, d.ButtonClick(Button("ack")));
        Assert.Equal(7, ack.CallbackType);
        Assert.Contains(d.DefaultUser.GlobalName ?? d.DefaultUser.Username, ack.Json!.ToJsonString(), StringComparison.Ordinal);

        var again = await d.SendAsync(bot.Interactions, d.ButtonClick(Button("ack"), user: d.CreateUser("second-responder", [d.ResponderRoleId])));
        Assert.Equal(4, again.CallbackType);
        Assert.Contains("already on it", again.Json!.ToJsonString(), StringComparison.Ordinal);

        var resolve = await d.SendAsync(bot.Interactions, d.ButtonClick(Button("resolve")));
        Assert.Equal(7, resolve.CallbackType);
        var rerun = await d.SendAsync(bot.Interactions, d.ButtonClick(Button("rerun")));
        Assert.Equal(4, rerun.CallbackType);
        Assert.Contains("resolved", rerun.Json!.ToJsonString(), StringComparison.Ordinal);

        var transcriptClick = d.ButtonClick(Button("transcript"));
        var transcript = await d.SendAsync(bot.Interactions, transcriptClick);
        Assert.Equal(5, transcript.CallbackType);
        var withFile = await d.WaitForOriginalAsync(Id(transcriptClick), m => m.Attachments.Count > 0, TimeSpan.FromSeconds(10));
        var markdown = Encoding.UTF8.GetString(withFile.Attachments[0].Content);
        Assert.Contains("acknowledged", markdown, StringComparison.Ordinal);
        Assert.Contains("marked resolved", markdown, StringComparison.Ordinal);
        Assert.Contains("network-blocked", markdown, StringComparison.Ordinal);
        Assert.All(d.Calls, c => Assert.Empty(c.Violations));
    }

    [Fact]
    public async Task ButtonOfAnUnknownSession_GetsAPrivateExplanation()
    {
        await using var bot = await BotUnderTest.StartAsync();
        var d = bot.Discord;

        var reply = await d.SendAsync(bot.Interactions, d.ButtonClick("ack:zzzzzzzzzz", messageId: "1234567890123456789"));

        Assert.Equal(4, reply.CallbackType);
        Assert.Equal(64, reply.Json!["data"]!["flags"]!.GetValue<int>());
        Assert.Contains("not known", reply.Json.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task OutsideTheAllowedChannelOrRoles_IsRefusedPrivately_AndNothingRuns()
    {
        await using var bot = await BotUnderTest.StartAsync(extra: new Dictionary<string, string?>());
        await using var restricted = await BotUnderTest.StartAsync(extra: new Dictionary<string, string?>
        {
            ["Discord:Access:Channels:0"] = "000000000000000001",
            ["Discord:Access:Roles:0"] = "000000000000000002",
        });
        var d = restricted.Discord;

        var reply = await d.SendAsync(restricted.Interactions, d.SlashCommand(["diagnose", "503"], DemoAlb));

        Assert.Equal(4, reply.CallbackType);
        Assert.Equal(64, reply.Json!["data"]!["flags"]!.GetValue<int>());
        Assert.Contains("incident channels", reply.Json.ToJsonString(), StringComparison.Ordinal);
        Assert.Empty(restricted.Aws.Aws.Requests);
    }

    [Fact]
    public async Task RateLimitedEdits_AreRetriedAfterRetryAfter_AndTheFindingsStillArrive()
    {
        await using var bot = await BotUnderTest.StartAsync();
        var d = bot.Discord;
        d.RateLimitNext(DiscordRoutes.EditOriginalResponse, times: 2);
        var command = d.SlashCommand(["diagnose", "503"], DemoAlb);

        await d.SendAsync(bot.Interactions, command);
        var final = await d.WaitForOriginalAsync(Id(command), m => !m.Loading && m.CustomIds.Count > 0, TimeSpan.FromSeconds(30));

        Assert.Contains("Root cause: network-blocked", Fields(final.Embeds[0]!.AsObject()).Keys);
        Assert.Equal(2, d.Calls.Count(c => c.Route == DiscordRoutes.EditOriginalResponse && c.Status == 429));
    }

    [Fact]
    public async Task UnknownLoadBalancer_AnswersWithTheClosestNames()
    {
        await using var bot = await BotUnderTest.StartAsync();
        var d = bot.Discord;
        var command = d.SlashCommand(["diagnose", "503"], new Dictionary<string, object> { ["lb"] = "demo-alb2" });

        await d.SendAsync(bot.Interactions, command);
        var final = await d.WaitForOriginalAsync(Id(command), m => !m.Loading && m.CustomIds.Count > 0, TimeSpan.FromSeconds(30));

        var text = final.Json.ToJsonString();
        Assert.Contains("No load balancer named demo-alb2", text, StringComparison.Ordinal);
        Assert.Contains("demo-alb", text, StringComparison.Ordinal);
    }

    private static string Id(JsonObject interaction) => interaction["id"]!.GetValue<string>();

    private static Dictionary<string, string> Fields(JsonObject embed) =>
        (embed["fields"] as JsonArray ?? []).ToDictionary(f => f!["name"]!.GetValue<string>(), f => f!["value"]!.GetValue<string>());
}
