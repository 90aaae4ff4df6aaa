using System.Text.Json.Nodes;
using ChatOpsBot.Discord.Configuration;
using ChatOpsBot.Discord.Hosting;
using ChatOpsBot.Discord.Interactions;
using ChatOpsBot.Discord.Rest;
using ChatOpsBot.Discord.Sessions;
using ChatOpsBot.Runbooks.Engine;
using ChatOpsBot.Runbooks.Messaging;
using ChatOpsBot.Testing;
using Microsoft.Extensions.Options;

namespace ChatOpsBot.EndToEnd.Tests.Discord;

/// <summary>After Discord's 15-minute interaction window the message is edited through the channel with the bot
/// token; inside it, through the interaction webhook without it.</summary>
public sealed class TokenExpiryTests
{
    [Fact]
    public async Task Show_AfterTheInteractionTokenExpired_EditsTheSameMessageWithTheBotToken()
    {
        await using var discord = await FakeDiscord.StartAsync(new FakeDiscordOptions());
        var messageId = discord.SeedMessage(discord.ChannelId, new JsonObject { ["content"] = "", ["embeds"] = new JsonArray(new JsonObject { ["title"] = "503 diagnosis · demo-alb" }) });
        var (messenger, http) = Messenger(discord);
        using var _ = http;
        var origin = new Interaction("1111111111111111111", discord.ApplicationId, InteractionType.ApplicationCommand, "expired-interaction-token", discord.GuildId, discord.ChannelId, new DiscordUser("42", "oncall", "On Call"), [], ["diagnose", "503"], [], null, null);
        var session = new DiagnosisSession("abcdefghjk", new DiagnosisRequest("503", "demo-alb", "us-east-1", TimeSpan.FromHours(1)), origin, TimeProvider.System.GetUtcNow() - TimeSpan.FromMinutes(16));
        session.PostedAt(new DiscordMessageLocation(discord.ChannelId, messageId), TimeProvider.System.GetUtcNow(), "seeded");

        await messenger.ShowAsync(session, DiagnosisMessages.Notice("503 diagnosis · demo-alb", "Resolved after 16 minutes."), CancellationToken.None);

        var call = Assert.Single(discord.Calls, c => c.Route == DiscordRoutes.EditChannelMessage);
        Assert.Equal(200, call.Status);
        Assert.Equal($"Bot {discord.BotToken}", call.Authorization);
        Assert.DoesNotContain(discord.Calls, c => c.Route == DiscordRoutes.EditOriginalResponse);
        Assert.Contains("Resolved after 16 minutes.", discord.GetMessage(messageId)!.Json.ToJsonString(), StringComparison.Ordinal);
    }

    private static (SessionMessenger, HttpClient) Messenger(FakeDiscord discord)
    {
        var options = Options.Create(new DiscordOptions
        {
            ApplicationId = discord.ApplicationId,
            PublicKey = discord.PublicKeyHex,
            BotToken = discord.BotToken,
            ApiBaseUrl = discord.ApiBaseUrl,
        });
        var http = new HttpClient();
        return (new SessionMessenger(new DiscordRestClient(http, options, TimeProvider.System), TimeProvider.System), http);
    }
}
