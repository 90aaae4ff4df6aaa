using System.Text.Json.Nodes;
using Microsoft.Extensions.Time.Testing;

namespace ChatOpsBot.Testing.Tests;

public sealed class AcknowledgementTests
{
    private static string Id(JsonObject interaction) => interaction["id"]!.GetValue<string>();

    private static string Token(JsonObject interaction) => interaction["token"]!.GetValue<string>();

    [Fact]
    public async Task A_REST_callback_after_an_inline_deferral_is_rejected_40060()
    {
        await using var discord = await FakeDiscord.StartAsync();
        await using var bot = await TestBot.StartAsync(discord.PublicKeyHex);
        using var api = new DiscordApi(discord, withBotToken: false);
        var command = discord.SlashCommand(["diagnose", "503"], new Dictionary<string, object> { ["lb"] = "web-alb", ["region"] = "eu-west-1" });

        var reply = await discord.SendAsync(bot.InteractionsUrl, command);
        var (response, json) = await api.SendAsync(HttpMethod.Post, $"interactions/{Id(command)}/{Token(command)}/callback", new JsonObject { ["type"] = 4, ["data"] = new JsonObject { ["content"] = "hi" } });

        Assert.True(reply.Acknowledged);
        Assert.Equal(5, reply.CallbackType);
        Assert.Equal(400, (int)response.StatusCode);
        Assert.Equal(40060, json!["code"]!.GetValue<int>());
        Assert.Equal(40060, discord.Calls[^1].ErrorCode);
        Assert.True(discord.OriginalResponse(Id(command))!.Loading);
    }

    [Fact]
    public async Task A_REST_callback_then_202_acknowledges_and_a_second_callback_is_rejected()
    {
        await using var discord = await FakeDiscord.StartAsync();
        await using var bot = await TestBot.StartAsync(discord.PublicKeyHex);
        using var api = new DiscordApi(discord, withBotToken: false);
        var statuses = new List<int>();
        bot.Reply = async (interaction, context) =>
        {
            for (var i = 0; i < 2; i++)
            {
                var (response, _) = await api.SendAsync(HttpMethod.Post, $"interactions/{Id(interaction)}/{Token(interaction)}/callback?with_response=true", new JsonObject { ["type"] = 5, ["data"] = new JsonObject { ["flags"] = 64 } });
                statuses.Add((int)response.StatusCode);
            }

            context.Response.StatusCode = 202;
        };
        var command = discord.SlashCommand(["diagnose", "503"]);

        var reply = await discord.SendAsync(bot.InteractionsUrl, command);

        Assert.Equal([200, 400], statuses);
        Assert.Equal(202, reply.StatusCode);
        Assert.False(reply.Acknowledged);
        Assert.Empty(reply.Violations);
        var interaction = discord.GetInteraction(Id(command));
        Assert.Equal(AcknowledgementKind.RestCallback, interaction.Acknowledgement);
        var original = discord.OriginalResponse(Id(command))!;
        Assert.True(original.Ephemeral);
        Assert.True(original.Loading);
        var withResponse = discord.Calls.First(c => c.Route == DiscordRoutes.CreateInteractionResponse);
        Assert.Equal(original.Id, withResponse.Response!["interaction"]!["response_message_id"]!.GetValue<string>());
        Assert.Equal([DiscordRoutes.CreateInteractionResponse, DiscordRoutes.CreateInteractionResponse, DiscordRoutes.InitialReply], discord.Calls.Select(c => c.Route));
    }

    [Fact]
    public async Task A_callback_more_than_3_seconds_after_the_interaction_is_rejected_10062()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var discord = await FakeDiscord.StartAsync(new FakeDiscordOptions { TimeProvider = time });
        await using var bot = await TestBot.StartAsync(discord.PublicKeyHex);
        using var api = new DiscordApi(discord, withBotToken: false);
        bot.Reply = (_, context) =>
        {
            context.Response.StatusCode = 202;
            return Task.CompletedTask;
        };
        var command = discord.SlashCommand(["diagnose", "503"]);
        await discord.SendAsync(bot.InteractionsUrl, command);

        time.Advance(TimeSpan.FromSeconds(3.5));
        var (response, json) = await api.SendAsync(HttpMethod.Post, $"interactions/{Id(command)}/{Token(command)}/callback", new JsonObject { ["type"] = 5 });

        Assert.Equal(404, (int)response.StatusCode);
        Assert.Equal(10062, json!["code"]!.GetValue<int>());
        Assert.Equal(AcknowledgementKind.None, discord.GetInteraction(Id(command)).Acknowledgement);
    }

    [Fact]
    public async Task A_callback_for_an_interaction_never_sent_or_with_a_wrong_token_is_10062()
    {
        await using var discord = await FakeDiscord.StartAsync();
        using var api = new DiscordApi(discord, withBotToken: false);
        var command = discord.SlashCommand(["diagnose", "503"]);

        var (notSent, json) = await api.SendAsync(HttpMethod.Post, $"interactions/{Id(command)}/{Token(command)}/callback", new JsonObject { ["type"] = 5 });

        Assert.Equal(404, (int)notSent.StatusCode);
        Assert.Equal(10062, json!["code"]!.GetValue<int>());
    }

    [Fact]
    public async Task A_slow_HTTP_reply_is_not_an_acknowledgement()
    {
        await using var discord = await FakeDiscord.StartAsync(new FakeDiscordOptions { InitialResponseDeadline = TimeSpan.FromMilliseconds(200) });
        await using var bot = await TestBot.StartAsync(discord.PublicKeyHex);
        bot.Reply = async (_, context) =>
        {
            // The scenario is a slow bot: time passing is the subject here, not a synchronisation device.
            await Task.Delay(TimeSpan.FromMilliseconds(400));
            await TestBot.Json(context, new JsonObject { ["type"] = 5 });
        };
        var command = discord.SlashCommand(["diagnose", "503"]);

        var reply = await discord.SendAsync(bot.InteractionsUrl, command);

        Assert.False(reply.WithinDeadline);
        Assert.False(reply.Acknowledged);
        Assert.Contains(reply.Violations, v => v.Contains("did not respond", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_duplicate_delivery_that_is_acknowledged_again_is_reported()
    {
        await using var discord = await FakeDiscord.StartAsync();
        await using var bot = await TestBot.StartAsync(discord.PublicKeyHex);
        var command = discord.SlashCommand(["diagnose", "503"]);

        var first = await discord.SendAsync(bot.InteractionsUrl, command);
        var second = await discord.SendDuplicateAsync(bot.InteractionsUrl, command);

        Assert.True(first.Acknowledged);
        Assert.False(first.Duplicate);
        Assert.True(second.Duplicate);
        Assert.False(second.Acknowledged);
        Assert.Contains(second.Violations, v => v.Contains("already acknowledged", StringComparison.Ordinal));
        Assert.Equal(2, discord.GetInteraction(Id(command)).Deliveries);
        Assert.Equal(2, bot.Received.Count);
    }

    [Fact]
    public async Task An_inline_reply_that_breaks_a_limit_fails_the_interaction()
    {
        await using var discord = await FakeDiscord.StartAsync();
        await using var bot = await TestBot.StartAsync(discord.PublicKeyHex);
        bot.Reply = (_, context) => TestBot.Json(context, new JsonObject
        {
            ["type"] = 4,
            ["data"] = new JsonObject { ["content"] = new string('x', 2001), ["allowed_mentions"] = new JsonObject { ["parse"] = new JsonArray() } },
        });
        var command = discord.SlashCommand(["diagnose", "503"]);

        var reply = await discord.SendAsync(bot.InteractionsUrl, command);

        Assert.False(reply.Acknowledged);
        Assert.Contains(reply.Violations, v => v.StartsWith("data.content: BASE_TYPE_MAX_LENGTH", StringComparison.Ordinal));
        Assert.Equal(50035, discord.Calls[^1].ErrorCode);
        Assert.Null(discord.OriginalResponse(Id(command)));
    }

    [Fact]
    public async Task A_deferral_with_a_flag_other_than_ephemeral_is_rejected()
    {
        await using var discord = await FakeDiscord.StartAsync();
        await using var bot = await TestBot.StartAsync(discord.PublicKeyHex);
        bot.Reply = (_, context) => TestBot.Json(context, new JsonObject { ["type"] = 5, ["data"] = new JsonObject { ["flags"] = 32768 } });

        var reply = await discord.SendAsync(bot.InteractionsUrl, discord.SlashCommand(["diagnose", "503"]));

        Assert.False(reply.Acknowledged);
        Assert.Contains(reply.Violations, v => v.StartsWith("data.flags", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Autocomplete_answers_type_8_and_the_choices_are_checked()
    {
        await using var discord = await FakeDiscord.StartAsync();
        await using var bot = await TestBot.StartAsync(discord.PublicKeyHex);
        JsonObject? seen = null;
        bot.Reply = (interaction, context) =>
        {
            seen = interaction;
            var choices = new JsonArray([.. Enumerable.Range(0, 26).Select(i => (JsonNode)new JsonObject { ["name"] = $"alb-{i}", ["value"] = $"alb-{i}" })]);
            return TestBot.Json(context, new JsonObject { ["type"] = 8, ["data"] = new JsonObject { ["choices"] = choices } });
        };

        var reply = await discord.SendAsync(bot.InteractionsUrl, discord.Autocomplete(["diagnose", "503"], "lb", "web", new Dictionary<string, object> { ["region"] = "eu-west-1" }));

        var options = seen!["data"]!["options"]![0]!["options"]!.AsArray();
        Assert.Equal("region", options[0]!["name"]!.GetValue<string>());
        Assert.True(options[1]!["focused"]!.GetValue<bool>());
        Assert.Equal(4, seen["type"]!.GetValue<int>());
        Assert.False(reply.Acknowledged);
        Assert.Contains(reply.Violations, v => v.StartsWith("data.choices: BASE_TYPE_MAX_LENGTH", StringComparison.Ordinal));
    }
}
