using System.Text.Json.Nodes;
using Microsoft.Extensions.Time.Testing;

namespace ChatOpsBot.Testing.Tests;

public sealed class TokenTests
{
    private static readonly JsonObject Mentions = new() { ["parse"] = new JsonArray() };

    private static JsonObject Edit(string content) => new() { ["content"] = content, ["allowed_mentions"] = Mentions.DeepClone() };

    [Fact]
    public async Task PATCH_original_works_for_15_minutes_then_the_token_is_401_50027()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var discord = await FakeDiscord.StartAsync(new FakeDiscordOptions { TimeProvider = time });
        await using var bot = await TestBot.StartAsync(discord.PublicKeyHex);
        using var api = new DiscordApi(discord, withBotToken: false);
        var command = discord.SlashCommand(["diagnose", "503"]);
        await discord.SendAsync(bot.InteractionsUrl, command);
        var route = $"webhooks/{discord.ApplicationId}/{command["token"]!.GetValue<string>()}/messages/@original";

        time.Advance(TimeSpan.FromMinutes(14));
        var (ok, message) = await api.SendAsync(HttpMethod.Patch, route, Edit("checking target health"));
        time.Advance(TimeSpan.FromMinutes(1.5));
        var (expired, error) = await api.SendAsync(HttpMethod.Patch, route, Edit("too late"));

        Assert.Equal(200, (int)ok.StatusCode);
        Assert.Equal(discord.ChannelId, message!["channel_id"]!.GetValue<string>());
        var original = discord.OriginalResponse(command["id"]!.GetValue<string>())!;
        Assert.Equal(original.Id, message["id"]!.GetValue<string>());
        Assert.Equal("checking target health", original.Content);
        Assert.False(original.Loading);
        Assert.Equal(401, (int)expired.StatusCode);
        Assert.Equal(50027, error!["code"]!.GetValue<int>());
        Assert.Equal(DiscordRoutes.EditOriginalResponse, discord.Calls[^1].Route);
    }

    [Fact]
    public async Task An_unknown_token_or_application_is_404_10015()
    {
        await using var discord = await FakeDiscord.StartAsync();
        using var api = new DiscordApi(discord, withBotToken: false);

        var (unknownToken, json) = await api.SendAsync(HttpMethod.Patch, $"webhooks/{discord.ApplicationId}/bm90LWEtdG9rZW4/messages/@original", Edit("x"));
        var (wrongApp, _) = await api.SendAsync(HttpMethod.Post, "webhooks/123/bm90LWEtdG9rZW4?wait=true", Edit("x"));

        Assert.Equal(404, (int)unknownToken.StatusCode);
        Assert.Equal(10015, json!["code"]!.GetValue<int>());
        Assert.Equal(404, (int)wrongApp.StatusCode);
    }

    [Fact]
    public async Task The_token_of_an_interaction_never_acknowledged_is_404_10015()
    {
        await using var discord = await FakeDiscord.StartAsync();
        await using var bot = await TestBot.StartAsync(discord.PublicKeyHex);
        using var api = new DiscordApi(discord, withBotToken: false);
        bot.Reply = (_, context) =>
        {
            context.Response.StatusCode = 202;
            return Task.CompletedTask;
        };
        var command = discord.SlashCommand(["diagnose", "503"]);
        await discord.SendAsync(bot.InteractionsUrl, command);

        var (response, json) = await api.SendAsync(HttpMethod.Post, $"webhooks/{discord.ApplicationId}/{command["token"]!.GetValue<string>()}?wait=true", Edit("x"));

        Assert.Equal(404, (int)response.StatusCode);
        Assert.Equal(10015, json!["code"]!.GetValue<int>());
    }

    [Fact]
    public async Task A_webhook_call_racing_the_inline_reply_waits_for_it()
    {
        await using var discord = await FakeDiscord.StartAsync();
        await using var bot = await TestBot.StartAsync(discord.PublicKeyHex);
        using var api = new DiscordApi(discord, withBotToken: false);
        Task<(HttpResponseMessage Response, JsonNode? Json)>? edit = null;
        bot.Reply = async (interaction, context) =>
        {
            // Start the edit before the reply has even been written: the fake must not judge it before the reply.
            edit = api.SendAsync(HttpMethod.Patch, $"webhooks/{discord.ApplicationId}/{interaction["token"]!.GetValue<string>()}/messages/@original", Edit("done"));
            // Give the edit a head start so that the race is usually exercised; the test passes either way.
            await Task.Delay(TimeSpan.FromMilliseconds(100));
            await TestBot.Json(context, new JsonObject { ["type"] = 5 });
        };
        var command = discord.SlashCommand(["diagnose", "503"]);

        var reply = await discord.SendAsync(bot.InteractionsUrl, command);
        var (response, _) = await edit!;

        Assert.True(reply.Acknowledged);
        Assert.Equal(200, (int)response.StatusCode);
        Assert.Equal("done", discord.OriginalResponse(command["id"]!.GetValue<string>())!.Content);
    }
}
