using System.Text.Json.Nodes;

namespace ChatOpsBot.Testing.Tests;

public sealed class MessageFlowTests
{
    private static JsonObject Message(string content, JsonArray? components = null)
    {
        var message = new JsonObject { ["content"] = content, ["allowed_mentions"] = new JsonObject { ["parse"] = new JsonArray() } };
        if (components is not null)
        {
            message["components"] = components;
        }

        return message;
    }

    private static JsonArray Buttons(params string[] customIds) => new(new JsonObject
    {
        ["type"] = 1,
        ["components"] = new JsonArray([.. customIds.Select(id => (JsonNode)new JsonObject { ["type"] = 2, ["style"] = 2, ["label"] = id, ["custom_id"] = id })]),
    });

    [Fact]
    public async Task A_deferred_diagnosis_is_edited_in_the_background_and_WaitForOriginalAsync_sees_the_result()
    {
        await using var discord = await FakeDiscord.StartAsync();
        await using var bot = await TestBot.StartAsync(discord.PublicKeyHex);
        using var api = new DiscordApi(discord, withBotToken: false);
        var background = new List<Task>();
        bot.Reply = (interaction, context) =>
        {
            var route = $"webhooks/{discord.ApplicationId}/{interaction["token"]}/messages/@original";
            background.Add(Task.Run(async () =>
            {
                await api.SendAsync(HttpMethod.Patch, route, Message("Checking target health…"));
                await api.SendAsync(HttpMethod.Patch, route, Message("Diagnosis: no healthy targets", Buttons("retry:1", "details:1")));
            }));
            return TestBot.Json(context, new JsonObject { ["type"] = 5 });
        };
        var command = discord.SlashCommand(["diagnose", "503"], new Dictionary<string, object> { ["lb"] = "web-alb" });
        var id = command["id"]!.GetValue<string>();

        var reply = await discord.SendAsync(bot.InteractionsUrl, command);
        var final = await discord.WaitForOriginalAsync(id, m => m.Content.StartsWith("Diagnosis", StringComparison.Ordinal));
        await Task.WhenAll(background);

        Assert.True(reply.Acknowledged);
        Assert.Equal(["retry:1", "details:1"], final.CustomIds);
        Assert.Equal(3, final.History.Count);
        Assert.True(final.History[0]["flags"]!.GetValue<int>() == 128);
        Assert.Equal(
            [DiscordRoutes.InitialReply, DiscordRoutes.EditOriginalResponse, DiscordRoutes.EditOriginalResponse],
            discord.CallsFor(id).Select(c => c.Route));
        Assert.All(discord.CallsFor(id), c => Assert.Equal(command["token"]!.GetValue<string>(), c.InteractionToken));
    }

    [Fact]
    public async Task Followups_create_messages_but_the_first_one_after_a_deferral_edits_the_loading_message()
    {
        await using var discord = await FakeDiscord.StartAsync();
        await using var bot = await TestBot.StartAsync(discord.PublicKeyHex);
        using var api = new DiscordApi(discord, withBotToken: false);
        var command = discord.SlashCommand(["diagnose", "503"]);
        var id = command["id"]!.GetValue<string>();
        await discord.SendAsync(bot.InteractionsUrl, command);
        var route = $"webhooks/{discord.ApplicationId}/{command["token"]}?wait=true";

        var (first, firstJson) = await api.SendAsync(HttpMethod.Post, route, Message("first"));
        var (second, secondJson) = await api.SendAsync(HttpMethod.Post, route, Message("second"));
        var followupId = secondJson!["id"]!.GetValue<string>();
        var (edit, _) = await api.SendAsync(HttpMethod.Patch, $"webhooks/{discord.ApplicationId}/{command["token"]}/messages/{followupId}", Message("second, edited"));

        Assert.Equal(200, (int)first.StatusCode);
        Assert.Equal(discord.OriginalResponse(id)!.Id, firstJson!["id"]!.GetValue<string>());
        Assert.Contains(discord.Calls.First(c => c.Route == DiscordRoutes.CreateFollowup).Violations, v => v.Contains("deprecated", StringComparison.Ordinal));
        Assert.Equal(200, (int)second.StatusCode);
        Assert.Equal(200, (int)edit.StatusCode);
        Assert.Equal("second, edited", Assert.Single(discord.Followups(id)).Content);
        Assert.Equal(discord.ApplicationId, secondJson["webhook_id"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_button_click_on_the_bots_message_can_update_it_with_type_7()
    {
        await using var discord = await FakeDiscord.StartAsync();
        await using var bot = await TestBot.StartAsync(discord.PublicKeyHex);
        bot.Reply = (interaction, context) => interaction["type"]!.GetValue<int>() == 2
            ? TestBot.Json(context, new JsonObject { ["type"] = 4, ["data"] = Message("Diagnosis ready", Buttons("retry:7")) })
            : TestBot.Json(context, new JsonObject { ["type"] = 7, ["data"] = Message("Retrying…", new JsonArray()) });
        var command = discord.SlashCommand(["diagnose", "503"]);
        await discord.SendAsync(bot.InteractionsUrl, command);
        var messageId = discord.OriginalResponse(command["id"]!.GetValue<string>())!.Id;

        var click = discord.ButtonClick("retry:7", user: discord.Outsider);
        var reply = await discord.SendAsync(bot.InteractionsUrl, click);

        Assert.Equal(messageId, click["message"]!["id"]!.GetValue<string>());
        Assert.Empty(click["member"]!["roles"]!.AsArray());
        Assert.Equal("retry:7", click["data"]!["custom_id"]!.GetValue<string>());
        Assert.True(reply.Acknowledged, string.Join("; ", reply.Violations));
        var updated = discord.GetMessage(messageId)!;
        Assert.Equal("Retrying…", updated.Content);
        Assert.Empty(updated.CustomIds);
        Assert.Equal(messageId, discord.OriginalResponse(click["id"]!.GetValue<string>())!.Id);
    }

    [Fact]
    public async Task Ephemeral_messages_cannot_be_reached_through_channel_routes()
    {
        await using var discord = await FakeDiscord.StartAsync();
        await using var bot = await TestBot.StartAsync(discord.PublicKeyHex);
        using var api = new DiscordApi(discord);
        bot.Reply = (_, context) => TestBot.Json(context, new JsonObject { ["type"] = 5, ["data"] = new JsonObject { ["flags"] = 64 } });
        var command = discord.SlashCommand(["diagnose", "503"]);
        await discord.SendAsync(bot.InteractionsUrl, command);
        var original = discord.OriginalResponse(command["id"]!.GetValue<string>())!;

        var (response, json) = await api.SendAsync(HttpMethod.Patch, $"channels/{original.ChannelId}/messages/{original.Id}", Message("x"));

        Assert.True(original.Ephemeral);
        Assert.Equal(404, (int)response.StatusCode);
        Assert.Equal(10008, json!["code"]!.GetValue<int>());
    }

    [Fact]
    public async Task Direct_message_commands_carry_user_not_member()
    {
        await using var discord = await FakeDiscord.StartAsync();
        var dm = discord.SlashCommand(["diagnose", "503"], directMessage: true);
        var ping = discord.Ping();

        Assert.Null(dm["member"]);
        Assert.Null(dm["guild_id"]);
        Assert.Equal(discord.DefaultUser.Id, dm["user"]!["id"]!.GetValue<string>());
        Assert.Equal(1, dm["context"]!.GetValue<int>());
        Assert.Equal(1, ping["type"]!.GetValue<int>());
        Assert.NotEqual(dm["token"]!.GetValue<string>(), ping["token"]!.GetValue<string>());
        Assert.StartsWith("aW50ZXJhY3Rpb246", ping["token"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Fifty_concurrent_deferred_commands_are_each_tracked_separately()
    {
        await using var discord = await FakeDiscord.StartAsync();
        await using var bot = await TestBot.StartAsync(discord.PublicKeyHex);
        using var api = new DiscordApi(discord, withBotToken: false);
        bot.Reply = (interaction, context) =>
        {
            var route = $"webhooks/{discord.ApplicationId}/{interaction["token"]}/messages/@original";
            _ = Task.Run(() => api.SendAsync(HttpMethod.Patch, route, Message($"done {interaction["id"]}")));
            return TestBot.Json(context, new JsonObject { ["type"] = 5 });
        };
        var commands = Enumerable.Range(0, 50).Select(i => discord.SlashCommand(["diagnose", "503"], new Dictionary<string, object> { ["lb"] = $"alb-{i}" })).ToList();

        var replies = await Task.WhenAll(commands.Select(c => discord.SendAsync(bot.InteractionsUrl, c)));
        var finals = await Task.WhenAll(commands.Select(c => discord.WaitForOriginalAsync(c["id"]!.GetValue<string>(), m => !m.Loading)));

        Assert.All(replies, r => Assert.True(r.Acknowledged));
        Assert.Equal(commands.Select(c => $"done {c["id"]}"), finals.Select(m => m.Content));
        Assert.Equal(50, finals.Select(m => m.Id).Distinct().Count());
        Assert.Equal(100, discord.Calls.Count);
        Assert.Equal(Enumerable.Range(1, 100).Select(i => (long)i), discord.Calls.Select(c => c.Sequence));
    }
}
