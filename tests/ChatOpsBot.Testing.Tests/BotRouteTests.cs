using System.Text.Json.Nodes;

namespace ChatOpsBot.Testing.Tests;

public sealed class BotRouteTests
{
    private static JsonObject Message(string content) => new() { ["content"] = content, ["allowed_mentions"] = new JsonObject { ["parse"] = new JsonArray() } };

    [Fact]
    public async Task Channel_routes_need_the_bot_token()
    {
        await using var discord = await FakeDiscord.StartAsync();
        using var anonymous = new DiscordApi(discord, withBotToken: false);
        using var api = new DiscordApi(discord);

        var (denied, json) = await anonymous.SendAsync(HttpMethod.Post, $"channels/{discord.ChannelId}/messages", Message("x"));
        var (created, message) = await api.SendAsync(HttpMethod.Post, $"channels/{discord.ChannelId}/messages", Message("posted"));
        var id = message!["id"]!.GetValue<string>();
        var (edited, _) = await api.SendAsync(HttpMethod.Patch, $"channels/{discord.ChannelId}/messages/{id}", Message("edited"));
        var (wrongChannel, wrongJson) = await api.SendAsync(HttpMethod.Patch, $"channels/{discord.OtherChannelId}/messages/{id}", Message("x"));
        var (unknownChannel, unknownJson) = await api.SendAsync(HttpMethod.Post, "channels/42/messages", Message("x"));

        Assert.Equal(401, (int)denied.StatusCode);
        Assert.Equal("401: Unauthorized", json!["message"]!.GetValue<string>());
        Assert.Equal(200, (int)created.StatusCode);
        Assert.Equal(discord.ApplicationId, message["author"]!["id"]!.GetValue<string>());
        Assert.Equal(200, (int)edited.StatusCode);
        Assert.Equal("edited", discord.GetMessage(id)!.Content);
        Assert.Equal(["posted", "edited"], discord.GetMessage(id)!.History.Select(h => h["content"]!.GetValue<string>()));
        Assert.Equal(10008, wrongJson!["code"]!.GetValue<int>());
        Assert.Equal(404, (int)wrongChannel.StatusCode);
        Assert.Equal(10003, unknownJson!["code"]!.GetValue<int>());
        Assert.Equal(404, (int)unknownChannel.StatusCode);
    }

    [Fact]
    public async Task PUT_commands_stores_and_returns_them_and_slash_commands_then_carry_the_registered_id()
    {
        await using var discord = await FakeDiscord.StartAsync();
        using var api = new DiscordApi(discord);
        var commands = new JsonArray(new JsonObject
        {
            ["name"] = "diagnose",
            ["description"] = "Diagnose a load balancer",
            ["options"] = new JsonArray(new JsonObject
            {
                ["type"] = 1,
                ["name"] = "503",
                ["description"] = "Why is it answering 503?",
                ["options"] = new JsonArray(
                    new JsonObject { ["type"] = 3, ["name"] = "lb", ["description"] = "Load balancer", ["required"] = true, ["autocomplete"] = true },
                    new JsonObject { ["type"] = 3, ["name"] = "region", ["description"] = "AWS region" }),
            }),
        });

        var (response, json) = await api.SendAsync(HttpMethod.Put, $"applications/{discord.ApplicationId}/guilds/{discord.GuildId}/commands", commands);
        var (again, againJson) = await api.SendAsync(HttpMethod.Put, $"applications/{discord.ApplicationId}/guilds/{discord.GuildId}/commands", commands);

        Assert.Equal(200, (int)response.StatusCode);
        var stored = Assert.Single(json!.AsArray())!;
        Assert.Equal(discord.ApplicationId, stored["application_id"]!.GetValue<string>());
        Assert.Equal(discord.GuildId, stored["guild_id"]!.GetValue<string>());
        Assert.Equal(200, (int)again.StatusCode);
        Assert.Equal(stored["id"]!.GetValue<string>(), againJson![0]!["id"]!.GetValue<string>());
        Assert.Single(discord.RegisteredCommands(discord.GuildId));
        var slash = discord.SlashCommand(["diagnose", "503"]);
        Assert.Equal(stored["id"]!.GetValue<string>(), slash["data"]!["id"]!.GetValue<string>());
        Assert.Equal(discord.GuildId, slash["data"]!["guild_id"]!.GetValue<string>());
    }

    public static TheoryData<string, JsonObject, string> BadCommands() => new()
    {
        { "upper case name", new JsonObject { ["name"] = "Diagnose", ["description"] = "d" }, "0.name" },
        { "empty description", new JsonObject { ["name"] = "diagnose", ["description"] = "" }, "0.description" },
        { "26 options", new JsonObject { ["name"] = "diagnose", ["description"] = "d", ["options"] = new JsonArray([.. Enumerable.Range(0, 26).Select(i => (JsonNode)new JsonObject { ["type"] = 3, ["name"] = $"o{i}", ["description"] = "d" })]) }, "0.options" },
        { "required after optional", new JsonObject { ["name"] = "diagnose", ["description"] = "d", ["options"] = new JsonArray(new JsonObject { ["type"] = 3, ["name"] = "a", ["description"] = "d" }, new JsonObject { ["type"] = 3, ["name"] = "b", ["description"] = "d", ["required"] = true }) }, "0.options.1.required" },
        { "autocomplete with choices", new JsonObject { ["name"] = "diagnose", ["description"] = "d", ["options"] = new JsonArray(new JsonObject { ["type"] = 3, ["name"] = "a", ["description"] = "d", ["autocomplete"] = true, ["choices"] = new JsonArray(new JsonObject { ["name"] = "x", ["value"] = "x" }) }) }, "0.options.0.autocomplete" },
        { "too large", new JsonObject { ["name"] = "diagnose", ["description"] = "d", ["options"] = new JsonArray([.. Enumerable.Range(0, 25).Select(i => (JsonNode)new JsonObject { ["type"] = 3, ["name"] = $"o{i}", ["description"] = new string('d', 100), ["choices"] = new JsonArray([.. Enumerable.Range(0, 25).Select(c => (JsonNode)new JsonObject { ["name"] = $"c{c}", ["value"] = new string('v', 100) })]) })]) }, "0" },
    };

    [Theory]
    [MemberData(nameof(BadCommands))]
    public async Task Invalid_commands_are_400_50035(string because, JsonObject command, string path)
    {
        await using var discord = await FakeDiscord.StartAsync();
        using var api = new DiscordApi(discord);

        var (response, json) = await api.SendAsync(HttpMethod.Put, $"applications/{discord.ApplicationId}/commands", new JsonArray(command));

        Assert.True(400 == (int)response.StatusCode, because);
        JsonNode? node = json!["errors"];
        foreach (var segment in path.Split('.'))
        {
            node = node?[segment];
        }

        Assert.True(node?["_errors"] is JsonArray { Count: > 0 }, $"{because}: {json["errors"]!.ToJsonString()}");
        Assert.Empty(discord.RegisteredCommands());
    }

    [Fact]
    public async Task Unknown_routes_are_404_and_commands_need_the_token()
    {
        await using var discord = await FakeDiscord.StartAsync();
        using var anonymous = new DiscordApi(discord, withBotToken: false);

        var (unknown, _) = await anonymous.SendAsync(HttpMethod.Get, "users/@me");
        var (commands, _) = await anonymous.SendAsync(HttpMethod.Put, $"applications/{discord.ApplicationId}/commands", new JsonArray());

        Assert.Equal(404, (int)unknown.StatusCode);
        Assert.Equal(401, (int)commands.StatusCode);
    }
}
