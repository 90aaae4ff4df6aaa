using ChatOpsBot.Discord.Rest;
using ChatOpsBot.Discord.Tests.Support;

namespace ChatOpsBot.Discord.Tests.Rest;

public sealed class DiscordRestClientErrorTests : DiscordRestClientTestBase
{
    [Fact]
    public async Task WebhookError_NamesTemplateAndDiscordMessage_WithoutTheInteractionToken()
    {
        Server.Enqueue(new CannedResponse(404, """{"message":"Unknown Webhook","code":10015}"""));

        var error = await Assert.ThrowsAsync<DiscordApiException>(() => Client.EditOriginalResponseAsync(InteractionToken, Text("x"), CancellationToken.None));

        Assert.Equal(404, error.Status);
        Assert.Equal(10015, error.Code);
        Assert.Contains("PATCH /webhooks/{app}/{token}/messages/@original", error.Message, StringComparison.Ordinal);
        Assert.Contains("Unknown Webhook", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(InteractionToken, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(BotToken, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CallbackError_UnknownInteraction_GivesCode10062()
    {
        Server.Enqueue(new CannedResponse(404, """{"message":"Unknown interaction","code":10062}"""));

        var error = await Assert.ThrowsAsync<DiscordApiException>(
            () => Client.CreateInteractionResponseAsync("1200000000000000001", InteractionToken, 4, Text("late"), CancellationToken.None));

        Assert.Equal(10062, error.Code);
        Assert.Contains("POST /interactions/{id}/{token}/callback", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(InteractionToken, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ErrorEchoingTokens_IsRedacted()
    {
        Server.Enqueue(new CannedResponse(401, $$"""{"message":"401: Unauthorized {{BotToken}} {{InteractionToken}}","code":0}"""));

        var error = await Assert.ThrowsAsync<DiscordApiException>(() => Client.CreateFollowupAsync(InteractionToken, Text("x"), CancellationToken.None));

        Assert.Contains("POST /webhooks/{app}/{token}", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(BotToken, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(InteractionToken, error.Message, StringComparison.Ordinal);
        Assert.Contains("[redacted]", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task InvalidFormBody_ListsFieldErrors()
    {
        Server.Enqueue(new CannedResponse(400, Fixtures.Text("error_50035_request_error.docs.json")));

        var error = await Assert.ThrowsAsync<DiscordApiException>(() => Client.OverwriteCommandsAsync("1000000000000000001", [], CancellationToken.None));

        Assert.Equal((400, 50035), (error.Status, error.Code));
        Assert.Contains("PUT /applications/{app}/guilds/{guild}/commands", error.Message, StringComparison.Ordinal);
        Assert.Contains("Invalid Form Body", error.Message, StringComparison.Ordinal);
        Assert.Contains("Command exceeds maximum size (8000)", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(BotToken, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task InvalidFormBody_NestedField_NamesThePath()
    {
        Server.Enqueue(new CannedResponse(400, Fixtures.Text("error_50035_object_error.docs.json")));

        var error = await Assert.ThrowsAsync<DiscordApiException>(() => Client.CreateChannelMessageAsync(ChannelId, Text("x"), CancellationToken.None));

        Assert.Contains("access_token: This field is required", error.Message, StringComparison.Ordinal);
        Assert.Contains("POST /channels/{channel}/messages", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task NonJsonError_StillNamesStatusAndRoute()
    {
        Server.Enqueue(new CannedResponse(502, "<html>bad gateway</html>"));

        var error = await Assert.ThrowsAsync<DiscordApiException>(() => Client.EditOriginalResponseAsync(InteractionToken, Text("x"), CancellationToken.None));

        Assert.Equal(502, error.Status);
        Assert.Null(error.Code);
        Assert.Equal("PATCH /webhooks/{app}/{token}/messages/@original failed with 502", error.Message);
    }
}
