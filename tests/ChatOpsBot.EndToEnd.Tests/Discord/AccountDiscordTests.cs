using System.Text.Json.Nodes;
using ChatOpsBot.Cli;
using ChatOpsBot.EndToEnd.Tests.Support;
using ChatOpsBot.Testing;
using ChatOpsBot.Runbooks.Sessions;
using Microsoft.Extensions.DependencyInjection;

namespace ChatOpsBot.EndToEnd.Tests.Discord;

/// <summary>/diagnose with the account option through the real host: STS on the simulated AWS, the fake Discord in front.</summary>
public sealed class AccountDiscordTests
{
    private const string ProdRole = "arn:aws:iam::210987654321:role/chatopsbot-read";

    private static readonly Dictionary<string, string?> Accounts = new()
    {
        ["Aws:Accounts:prod:RoleArn"] = ProdRole,
        ["Aws:Accounts:prod:ExternalId"] = "chatopsbot-demo",
        ["Aws:Accounts:staging:RoleArn"] = "arn:aws:iam::345678901234:role/chatopsbot-read",
    };

    [Fact]
    public async Task Diagnose_WithAccount_RunsInThatAccount_AndReRunKeepsIt()
    {
        await using var bot = await BotUnderTest.StartAsync(extra: Accounts);
        var d = bot.Discord;
        var command = d.SlashCommand(["diagnose", "503"], new Dictionary<string, object> { ["lb"] = "demo-alb", ["account"] = "prod" });

        await d.SendAsync(bot.Interactions, command);
        var final = await d.WaitForOriginalAsync(Id(command), m => !m.Loading && m.CustomIds.Count > 0, TimeSpan.FromSeconds(30));
        var rerunClick = d.ButtonClick(final.CustomIds.Single(c => c.StartsWith("rerun:", StringComparison.Ordinal)));
        var rerun = await d.SendAsync(bot.Interactions, rerunClick);
        await d.WaitForOriginalAsync(Id(rerunClick), m => !m.Loading && m.CustomIds.Count > 0, TimeSpan.FromSeconds(30));

        Assert.Equal(5, rerun.CallbackType);
        Assert.Contains("prod · us-east-1", Text(final.Embeds), StringComparison.Ordinal);
        var session = Assert.Single(bot.Aws.Aws.IssuedSessions);
        Assert.Equal(ProdRole, session.RoleArn);
        Assert.All(bot.Aws.Aws.Requests.Where(r => r.Service != "sts"), r => Assert.Equal(session.AccessKeyId, r.AccessKeyId));
        var stored = await bot.App.Services.GetRequiredService<ITranscriptStore>().ListSessionsAsync(null, null, 10, CancellationToken.None);
        Assert.Equal(2, stored.Count);
        Assert.All(stored, s => Assert.Equal("prod", s.Account));
    }

    [Fact]
    public async Task Diagnose_UnknownAccount_IsAnsweredPrivatelyWithTheConfiguredAliases()
    {
        await using var bot = await BotUnderTest.StartAsync(extra: Accounts);
        var d = bot.Discord;

        var reply = await d.SendAsync(bot.Interactions, d.SlashCommand(["diagnose", "503"], new Dictionary<string, object> { ["lb"] = "demo-alb", ["account"] = "qa" }));

        Assert.Equal(4, reply.CallbackType);
        Assert.Equal(64, reply.Json!["data"]!["flags"]!.GetValue<int>() & 64);
        Assert.Contains("configured aliases: prod, staging", reply.Json.ToJsonString(), StringComparison.Ordinal);
        Assert.Empty(bot.Aws.Aws.Requests);
    }

    [Fact]
    public async Task Diagnose_RoleCannotBeAssumed_TheMessageSaysWhatToFix()
    {
        var accounts = new Dictionary<string, string?>(Accounts) { ["Aws:Accounts:prod:ExternalId"] = "stale-external-id" };
        await using var bot = await BotUnderTest.StartAsync(extra: accounts);
        var d = bot.Discord;
        var command = d.SlashCommand(["diagnose", "503"], new Dictionary<string, object> { ["lb"] = "demo-alb", ["account"] = "prod" });

        await d.SendAsync(bot.Interactions, command);
        var final = await d.WaitForOriginalAsync(Id(command), m => !m.Loading, TimeSpan.FromSeconds(30));

        var text = Text(final.Embeds);
        Assert.Contains($"could not assume {ProdRole} for account 'prod' (AccessDenied)", text, StringComparison.Ordinal);
        Assert.Contains("trust policy", text, StringComparison.Ordinal);
        Assert.DoesNotContain("stale-external-id", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Autocomplete_OffersConfiguredAccounts_AndLoadBalancersOfTheChosenAccount()
    {
        await using var bot = await BotUnderTest.StartAsync(extra: Accounts);
        var d = bot.Discord;

        var accounts = await d.SendAsync(bot.Interactions, d.Autocomplete(["diagnose", "503"], "account", "ST"));
        var names = await d.SendAsync(bot.Interactions, d.Autocomplete(["diagnose", "503"], "lb", "demo", new Dictionary<string, object> { ["account"] = "staging" }));

        Assert.Equal(["staging"], Choices(accounts));
        Assert.Contains("demo-alb", Choices(names));
        var session = Assert.Single(bot.Aws.Aws.IssuedSessions);
        Assert.Equal("arn:aws:iam::345678901234:role/chatopsbot-read", session.RoleArn);
        Assert.Equal(session.AccessKeyId, Assert.Single(bot.Aws.Aws.Requests, r => r.Service == "elasticloadbalancing").AccessKeyId);
    }

    [Fact]
    public async Task Autocomplete_NoAccountsConfigured_OffersNone()
    {
        await using var bot = await BotUnderTest.StartAsync();
        var d = bot.Discord;

        var reply = await d.SendAsync(bot.Interactions, d.Autocomplete(["diagnose", "503"], "account", ""));

        Assert.Empty(Choices(reply));
    }

    [Fact]
    public async Task RegisterCommands_AccountsConfigured_InstallsTheAccountOption()
    {
        await using var discord = await FakeDiscord.StartAsync(new FakeDiscordOptions());
        var settings = new Dictionary<string, string?>(Accounts)
        {
            ["Discord:ApplicationId"] = discord.ApplicationId,
            ["Discord:PublicKey"] = discord.PublicKeyHex,
            ["Discord:BotToken"] = discord.BotToken,
            ["Discord:ApiBaseUrl"] = discord.ApiBaseUrl.ToString(),
        };

        var code = await new RegisterCommandsCommand(new Terminal(new StringWriter(), new StringWriter(), color: false))
            .RunAsync(["--guild", discord.GuildId], settings, CancellationToken.None);

        Assert.Equal(0, code);
        var registered = Assert.Single(discord.RegisteredCommands(discord.GuildId));
        var options = registered["options"]![0]!["options"]!.AsArray();
        var account = Assert.Single(options, o => o!["name"]!.GetValue<string>() == "account")!;
        Assert.True(account["autocomplete"]!.GetValue<bool>());
        Assert.False(account["required"]!.GetValue<bool>());
    }

    [Fact]
    public async Task Serve_MalformedAccountSetting_ExitsThreeNamingIt()
    {
        var run = await ChildProcess.RunAsync(
            new Dictionary<string, string>
            {
                ["Discord__ApplicationId"] = "123456789012345678",
                ["Discord__PublicKey"] = new string('a', 64),
                ["Discord__BotToken"] = "not-a-real-token",
                ["Aws__Accounts__prod account__RoleArn"] = ProdRole,
            },
            "serve", "--simulate", "--urls", "http://127.0.0.1:0");

        Assert.True(run.ExitCode == 3, $"exit {run.ExitCode}\n{run.Stderr}");
        Assert.Contains("The account alias in Aws:Accounts:prod account must be 1 to 32 letters, digits", run.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", run.Stderr, StringComparison.Ordinal);
    }

    private static string[] Choices(InteractionReply reply) =>
        [.. reply.Json!["data"]!["choices"]!.AsArray().Select(c => c!["value"]!.GetValue<string>())];

    /// <summary>The JSON with its text unescaped (Discord shows "·" and "'" as written).</summary>
    private static string Text(JsonNode node) =>
        node.ToJsonString(new System.Text.Json.JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });

    private static string Id(JsonObject interaction) => interaction["id"]!.GetValue<string>();
}
