using System.Text.Json.Nodes;

namespace ChatOpsBot.Testing.Tests;

public sealed class LimitTests
{
    private static JsonObject Message(Action<JsonObject>? change = null)
    {
        var message = new JsonObject { ["content"] = "ok", ["allowed_mentions"] = new JsonObject { ["parse"] = new JsonArray() } };
        change?.Invoke(message);
        return message;
    }

    private static JsonArray Many(int count, Func<int, JsonNode> item) => new([.. Enumerable.Range(0, count).Select(item)]);

    private static JsonObject Button(string customId, string label = "Retry") => new() { ["type"] = 2, ["style"] = 1, ["label"] = label, ["custom_id"] = customId };

    private static JsonObject Row(params JsonNode[] components) => new() { ["type"] = 1, ["components"] = new JsonArray(components) };

    public static TheoryData<string, JsonObject, string> Violations() => new()
    {
        { "content over 2000", Message(m => m["content"] = new string('a', 2001)), "content" },
        { "11 embeds", Message(m => m["embeds"] = Many(11, _ => new JsonObject { ["title"] = "t" })), "embeds" },
        { "title 257", Message(m => m["embeds"] = new JsonArray(new JsonObject { ["title"] = new string('t', 257) })), "embeds.0.title" },
        { "description 4097", Message(m => m["embeds"] = new JsonArray(new JsonObject { ["description"] = new string('d', 4097) })), "embeds.0.description" },
        { "footer 2049", Message(m => m["embeds"] = new JsonArray(new JsonObject { ["footer"] = new JsonObject { ["text"] = new string('f', 2049) } })), "embeds.0.footer.text" },
        { "author 257", Message(m => m["embeds"] = new JsonArray(new JsonObject { ["author"] = new JsonObject { ["name"] = new string('a', 257) } })), "embeds.0.author.name" },
        { "field value 1025", Message(m => m["embeds"] = new JsonArray(new JsonObject { ["fields"] = new JsonArray(new JsonObject { ["name"] = "n", ["value"] = new string('v', 1025) }) })), "embeds.0.fields.0.value" },
        { "field name 257", Message(m => m["embeds"] = new JsonArray(new JsonObject { ["fields"] = new JsonArray(new JsonObject { ["name"] = new string('n', 257), ["value"] = "v" }) })), "embeds.0.fields.0.name" },
        { "26 fields", Message(m => m["embeds"] = new JsonArray(new JsonObject { ["fields"] = Many(26, i => new JsonObject { ["name"] = $"n{i}", ["value"] = "v" }) })), "embeds.0.fields" },
        { "6000 total", Message(m => m["embeds"] = Many(2, _ => new JsonObject { ["description"] = new string('d', 3001) })), "embeds" },
        { "6 rows", Message(m => m["components"] = Many(6, i => Row(Button($"b{i}")))), "components" },
        { "6 buttons", Message(m => m["components"] = new JsonArray(Row([.. Enumerable.Range(0, 6).Select(i => (JsonNode)Button($"b{i}"))]))), "components.0.components" },
        { "custom_id 101", Message(m => m["components"] = new JsonArray(Row(Button(new string('c', 101))))), "components.0.components.0.custom_id" },
        { "duplicate custom_id", Message(m => m["components"] = new JsonArray(Row(Button("same")), Row(Button("same")))), "components.1.components.0.custom_id" },
        { "label 81", Message(m => m["components"] = new JsonArray(Row(Button("b", new string('l', 81))))), "components.0.components.0.label" },
        { "attachment without files[n]", Message(m => m["attachments"] = new JsonArray(new JsonObject { ["id"] = 0, ["filename"] = "report.txt" })), "attachments.0.id" },
        { "V2 with content", Message(m => { m["flags"] = 32768; m["components"] = new JsonArray(new JsonObject { ["type"] = 10, ["content"] = "x" }); }), "content" },
    };

    [Theory]
    [MemberData(nameof(Violations))]
    public async Task Breaking_a_message_limit_is_400_50035_with_the_error_tree(string because, JsonObject payload, string path)
    {
        await using var discord = await FakeDiscord.StartAsync();
        using var api = new DiscordApi(discord);

        var (response, json) = await api.SendAsync(HttpMethod.Post, $"channels/{discord.ChannelId}/messages", payload);

        Assert.True(400 == (int)response.StatusCode, because);
        Assert.Equal(50035, json!["code"]!.GetValue<int>());
        Assert.Equal("Invalid Form Body", json["message"]!.GetValue<string>());
        JsonNode? node = json["errors"];
        foreach (var segment in path.Split('.'))
        {
            node = node?[segment];
        }

        Assert.True(node?["_errors"] is JsonArray { Count: > 0 }, $"{because}: no _errors at {path} in {json["errors"]!.ToJsonString()}");
        Assert.Empty(discord.ChannelMessages(discord.ChannelId));
    }

    [Fact]
    public async Task The_limits_themselves_are_accepted()
    {
        await using var discord = await FakeDiscord.StartAsync();
        using var api = new DiscordApi(discord);
        var payload = Message(m =>
        {
            m["content"] = new string('a', 2000);
            m["embeds"] = new JsonArray(new JsonObject
            {
                ["title"] = new string('t', 256),
                ["description"] = new string('d', 4096),
                ["fields"] = Many(25, i => new JsonObject { ["name"] = $"f{i}", ["value"] = "v" }),
                ["footer"] = new JsonObject { ["text"] = "  " + new string('f', 1500) + "  " },
            });
            m["components"] = Many(5, r => Row([.. Enumerable.Range(0, 5).Select(i => (JsonNode)Button($"r{r}b{i}", new string('l', 80)))]));
        });

        var (response, json) = await api.SendAsync(HttpMethod.Post, $"channels/{discord.ChannelId}/messages", payload);

        Assert.Equal(200, (int)response.StatusCode);
        Assert.Equal(discord.ChannelId, json!["channel_id"]!.GetValue<string>());
        Assert.Equal(25, discord.GetMessage(json["id"]!.GetValue<string>())!.CustomIds.Count);
    }

    [Fact]
    public async Task A_callback_payload_error_is_nested_under_data()
    {
        await using var discord = await FakeDiscord.StartAsync();
        await using var bot = await TestBot.StartAsync(discord.PublicKeyHex);
        using var api = new DiscordApi(discord, withBotToken: false);
        var command = discord.SlashCommand(["diagnose", "503"]);
        bot.Reply = async (interaction, context) =>
        {
            var (response, json) = await api.SendAsync(
                HttpMethod.Post,
                $"interactions/{interaction["id"]}/{interaction["token"]}/callback",
                new JsonObject { ["type"] = 4, ["data"] = Message(m => m["content"] = new string('a', 2001)) });
            await TestBot.Json(context, json!, (int)response.StatusCode);
        };

        var reply = await discord.SendAsync(bot.InteractionsUrl, command);

        Assert.Equal(400, reply.StatusCode);
        Assert.NotNull(reply.Json!["errors"]!["data"]!["content"]!["_errors"]);
    }

    [Fact]
    public async Task Missing_allowed_mentions_is_recorded_but_not_rejected()
    {
        await using var discord = await FakeDiscord.StartAsync();
        using var api = new DiscordApi(discord);

        var (without, _) = await api.SendAsync(HttpMethod.Post, $"channels/{discord.ChannelId}/messages", new JsonObject { ["content"] = "@everyone look" });
        var (nonEmpty, _) = await api.SendAsync(HttpMethod.Post, $"channels/{discord.ChannelId}/messages", new JsonObject { ["content"] = "x", ["allowed_mentions"] = new JsonObject { ["parse"] = new JsonArray("users") } });
        var (with, _) = await api.SendAsync(HttpMethod.Post, $"channels/{discord.ChannelId}/messages", Message());

        Assert.Equal(200, (int)without.StatusCode);
        Assert.Equal(200, (int)nonEmpty.StatusCode);
        Assert.Equal(200, (int)with.StatusCode);
        Assert.Equal([false, false, true], discord.Calls.Select(c => c.AllowedMentionsOk));
        Assert.Contains(discord.Calls[0].Violations, v => v.StartsWith("allowed_mentions", StringComparison.Ordinal));
        Assert.DoesNotContain(discord.Calls[2].Violations, v => v.StartsWith("allowed_mentions", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_additional_validator_is_recorded_not_enforced()
    {
        await using var discord = await FakeDiscord.StartAsync(new FakeDiscordOptions { AdditionalMessageValidator = _ => ["too chatty"] });
        using var api = new DiscordApi(discord);

        var (response, _) = await api.SendAsync(HttpMethod.Post, $"channels/{discord.ChannelId}/messages", Message());

        Assert.Equal(200, (int)response.StatusCode);
        Assert.Contains("validator: too chatty", discord.Calls[0].Violations);
    }

    [Fact]
    public async Task Wrong_content_type_and_invalid_json_are_rejected_like_Discord()
    {
        await using var discord = await FakeDiscord.StartAsync();
        using var api = new DiscordApi(discord);

        var (text, textJson) = await api.SendAsync(HttpMethod.Post, $"channels/{discord.ChannelId}/messages", new StringContent("hello", System.Text.Encoding.UTF8, "text/plain"));
        var (broken, brokenJson) = await api.SendAsync(HttpMethod.Post, $"channels/{discord.ChannelId}/messages", new StringContent("{\"content\":", System.Text.Encoding.UTF8, "application/json"));
        var (empty, emptyJson) = await api.SendAsync(HttpMethod.Post, $"channels/{discord.ChannelId}/messages", new JsonObject { ["content"] = "" });

        Assert.Equal(400, (int)text.StatusCode);
        Assert.Equal(50035, textJson!["code"]!.GetValue<int>());
        Assert.Equal(400, (int)broken.StatusCode);
        Assert.Equal(50109, brokenJson!["code"]!.GetValue<int>());
        Assert.Equal(400, (int)empty.StatusCode);
        Assert.Equal(50006, emptyJson!["code"]!.GetValue<int>());
    }
}
