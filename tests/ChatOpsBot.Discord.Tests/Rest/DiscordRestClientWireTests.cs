using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using ChatOpsBot.Discord.Rest;
using ChatOpsBot.Discord.Tests.Support;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace ChatOpsBot.Discord.Tests.Rest;

public sealed class DiscordRestClientWireTests : DiscordRestClientTestBase
{
    [Fact]
    public async Task EditOriginalResponse_WebhookRoute_NoAuthorizationAndMessageParsed()
    {
        Server.Enqueue(CannedResponse.Message("1300000000000000009", "1000000000000000042"));

        var posted = await Client.EditOriginalResponseAsync(InteractionToken, Text("checking demo-alb"), CancellationToken.None);

        var request = Assert.Single(Server.Requests);
        Assert.Equal("PATCH", request.Method);
        Assert.Equal($"webhooks/{ApplicationId}/{InteractionToken}/messages/@original", request.Path);
        Assert.Null(request.Header("Authorization"));
        Assert.Matches(@"^DiscordBot \(https://github\.com/chatopsbot/chatopsbot, [0-9][^)]*\)$", request.Header("User-Agent"));
        Assert.StartsWith("application/json", request.ContentType, StringComparison.Ordinal);
        Assert.Equal(new DiscordMessageRef("1300000000000000009", "1000000000000000042"), posted);
    }

    [Fact]
    public async Task CreateFollowup_WebhookRoute_WaitTrueAndNoAuthorization()
    {
        var posted = await Client.CreateFollowupAsync(InteractionToken, Text("transcript"), CancellationToken.None);

        var request = Assert.Single(Server.Requests);
        Assert.Equal("POST", request.Method);
        Assert.Equal($"webhooks/{ApplicationId}/{InteractionToken}", request.Path);
        Assert.Equal("?wait=true", request.Query);
        Assert.Null(request.Header("Authorization"));
        Assert.Equal("1100000000000000001", posted.Id);
    }

    [Fact]
    public async Task CreateInteractionResponse_CallbackRoute_NoAuthorizationTypeAndDataWrapped()
    {
        Server.Enqueue(CannedResponse.NoContent, CannedResponse.NoContent);

        await Client.CreateInteractionResponseAsync("1200000000000000001", InteractionToken, 4, Text("hello"), CancellationToken.None);
        await Client.CreateInteractionResponseAsync("1200000000000000001", InteractionToken, 5, null, CancellationToken.None);

        Assert.Collection(
            Server.Requests,
            message =>
            {
                Assert.Equal("POST", message.Method);
                Assert.Equal($"interactions/1200000000000000001/{InteractionToken}/callback", message.Path);
                Assert.Null(message.Header("Authorization"));
                Assert.True(JsonNode.DeepEquals(
                    JsonNode.Parse("""{"type":4,"data":{"content":"hello","allowed_mentions":{"parse":[]}}}"""),
                    JsonNode.Parse(message.Body)));
            },
            deferral => Assert.True(JsonNode.DeepEquals(JsonNode.Parse("""{"type":5}"""), JsonNode.Parse(deferral.Body))));
    }

    [Fact]
    public async Task ChannelRoutes_CarryBotToken()
    {
        await Client.CreateChannelMessageAsync(ChannelId, Text("new"), CancellationToken.None);
        await Client.EditChannelMessageAsync(ChannelId, "1300000000000000001", Text("edited"), CancellationToken.None);

        Assert.Collection(
            Server.Requests,
            create =>
            {
                Assert.Equal(("POST", $"channels/{ChannelId}/messages"), (create.Method, create.Path));
                Assert.Equal($"Bot {BotToken}", create.Header("Authorization"));
            },
            edit =>
            {
                Assert.Equal(("PATCH", $"channels/{ChannelId}/messages/1300000000000000001"), (edit.Method, edit.Path));
                Assert.Equal($"Bot {BotToken}", edit.Header("Authorization"));
                Assert.StartsWith("DiscordBot (", edit.Header("User-Agent"), StringComparison.Ordinal);
            });
    }

    [Fact]
    public async Task OverwriteCommands_GlobalAndGuild_PutWithBotTokenAndReturnTheList()
    {
        var commands = new JsonArray(new JsonObject { ["name"] = "diagnose", ["type"] = 1, ["description"] = "d" });
        Server.Default = r => new CannedResponse(200, $"[{{\"id\":\"1\",\"name\":\"diagnose\",\"path\":\"{r.Path}\"}}]");

        var global = await Client.OverwriteCommandsAsync(null, commands, CancellationToken.None);
        var guild = await Client.OverwriteCommandsAsync("1000000000000000001", commands, CancellationToken.None);

        Assert.Collection(
            Server.Requests,
            g =>
            {
                Assert.Equal(("PUT", $"applications/{ApplicationId}/commands"), (g.Method, g.Path));
                Assert.Equal($"Bot {BotToken}", g.Header("Authorization"));
                Assert.True(JsonNode.DeepEquals(commands, JsonNode.Parse(g.Body)), "the commands are sent as given, no allowed_mentions");
            },
            g =>
            {
                Assert.Equal(("PUT", $"applications/{ApplicationId}/guilds/1000000000000000001/commands"), (g.Method, g.Path));
                Assert.Equal($"Bot {BotToken}", g.Header("Authorization"));
            });
        Assert.Equal($"applications/{ApplicationId}/commands", global[0]!["path"]!.GetValue<string>());
        Assert.Single(guild);
    }

    [Fact]
    public async Task Payload_WithoutAllowedMentions_GetsParseEmpty_AndCallerJsonIsUntouched()
    {
        var payload = Text("<@170531778354741248> look");

        await Client.CreateChannelMessageAsync(ChannelId, payload, CancellationToken.None);

        var sent = JsonNode.Parse(Assert.Single(Server.Requests).Body)!;
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("""{"parse":[]}"""), sent["allowed_mentions"]));
        Assert.False(payload.Json.ContainsKey("allowed_mentions"));
    }

    [Fact]
    public async Task Payload_WithAllowedMentions_IsKept()
    {
        var json = new JsonObject
        {
            ["content"] = "<@170531778354741248> your diagnosis is ready",
            ["allowed_mentions"] = new JsonObject { ["users"] = new JsonArray("170531778354741248") },
        };

        await Client.EditOriginalResponseAsync(InteractionToken, new DiscordMessagePayload(json, []), CancellationToken.None);

        var sent = JsonNode.Parse(Assert.Single(Server.Requests).Body)!;
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("""{"users":["170531778354741248"]}"""), sent["allowed_mentions"]));
    }

    [Fact]
    public async Task Payload_WithFiles_IsMultipartWithPayloadJsonThenFilesAndAttachmentIds()
    {
        var transcript = Encoding.UTF8.GetBytes("00:00 started\n00:02 target group tg-api: 0 healthy\n");
        var graph = new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0xFF };
        var payload = new DiscordMessagePayload(
            new JsonObject { ["content"] = "Transcript attached" },
            [new DiscordFile("transcript-abc123.txt", transcript, "text/plain; charset=utf-8"), new DiscordFile("graph.png", graph, "image/png")]);

        await Client.CreateFollowupAsync(InteractionToken, payload, CancellationToken.None);

        var request = Assert.Single(Server.Requests);
        Assert.Null(request.Header("Authorization"));
        var parts = await ReadMultipartAsync(request);
        Assert.Equal(3, parts.Count);

        Assert.Equal("payload_json", parts[0].Name);
        Assert.Null(parts[0].FileName);
        Assert.Equal("application/json", parts[0].ContentType);
        var json = JsonNode.Parse(parts[0].Body)!;
        Assert.Equal("Transcript attached", json["content"]!.GetValue<string>());
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("""{"parse":[]}"""), json["allowed_mentions"]));
        Assert.True(JsonNode.DeepEquals(
            JsonNode.Parse("""[{"id":0,"filename":"transcript-abc123.txt"},{"id":1,"filename":"graph.png"}]"""),
            json["attachments"]));

        Assert.Equal(("files[0]", "transcript-abc123.txt", "text/plain; charset=utf-8"), (parts[1].Name, parts[1].FileName, parts[1].ContentType));
        Assert.Equal(transcript, parts[1].Body);
        Assert.Equal(("files[1]", "graph.png", "image/png"), (parts[2].Name, parts[2].FileName, parts[2].ContentType));
        Assert.Equal(graph, parts[2].Body);
    }

    [Fact]
    public async Task Payload_WithFilesAndOwnAttachments_KeepsThemAndAddsOnlyMissingIds()
    {
        var json = new JsonObject
        {
            ["content"] = "edit keeps the old upload",
            ["attachments"] = new JsonArray(
                new JsonObject { ["id"] = "1400000000000000001" },
                new JsonObject { ["id"] = 0, ["filename"] = "a.txt", ["description"] = "first" }),
        };
        var payload = new DiscordMessagePayload(json, [new DiscordFile("a.txt", "a"u8.ToArray(), "text/plain"), new DiscordFile("b.txt", "b"u8.ToArray(), "text/plain")]);

        await Client.EditOriginalResponseAsync(InteractionToken, payload, CancellationToken.None);

        var parts = await ReadMultipartAsync(Assert.Single(Server.Requests));
        Assert.True(JsonNode.DeepEquals(
            JsonNode.Parse("""[{"id":"1400000000000000001"},{"id":0,"filename":"a.txt","description":"first"},{"id":1,"filename":"b.txt"}]"""),
            JsonNode.Parse(parts[0].Body)!["attachments"]));
        Assert.Equal(["payload_json", "files[0]", "files[1]"], parts.Select(p => p.Name));
    }

    [Fact]
    public async Task Callback_WithFiles_IsMultipartWithAttachmentsInsideData()
    {
        Server.Enqueue(CannedResponse.NoContent);
        var payload = new DiscordMessagePayload(new JsonObject { ["content"] = "here" }, [new DiscordFile("t.txt", "x"u8.ToArray(), "text/plain")]);

        await Client.CreateInteractionResponseAsync("1200000000000000001", InteractionToken, 4, payload, CancellationToken.None);

        var parts = await ReadMultipartAsync(Assert.Single(Server.Requests));
        var json = JsonNode.Parse(parts[0].Body)!;
        Assert.Equal(4, json["type"]!.GetValue<int>());
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("""[{"id":0,"filename":"t.txt"}]"""), json["data"]!["attachments"]));
        Assert.Equal("files[0]", parts[1].Name);
    }

    [Fact]
    public async Task BaseUrlWithoutTrailingSlash_StillKeepsTheApiPrefix()
    {
        var options = OptionsFor(Server);
        options.ApiBaseUrl = new Uri(Server.ApiBaseUrl.AbsoluteUri.TrimEnd('/'));
        using var http = new HttpClient();
        var client = new DiscordRestClient(http, Options.Create(options), Time);

        await client.CreateChannelMessageAsync(ChannelId, Text("x"), CancellationToken.None);

        Assert.Equal($"channels/{ChannelId}/messages", Assert.Single(Server.Requests).Path);
    }

    [Fact]
    public async Task MessageAnswerWithoutIds_ThrowsDiscordApiException()
    {
        Server.Enqueue(new CannedResponse(200, "{}"));

        var error = await Assert.ThrowsAsync<DiscordApiException>(() => Client.EditOriginalResponseAsync(InteractionToken, Text("x"), CancellationToken.None));

        Assert.Contains("PATCH /webhooks/{app}/{token}/messages/@original", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(InteractionToken, error.Message, StringComparison.Ordinal);
    }

    private static async Task<List<Part>> ReadMultipartAsync(RecordedRequest request)
    {
        var contentType = MediaTypeHeaderValue.Parse(request.ContentType);
        Assert.Equal("multipart/form-data", contentType.MediaType.Value);
        var boundary = HeaderUtilities.RemoveQuotes(contentType.Boundary).Value!;
        var reader = new MultipartReader(boundary, new MemoryStream(request.Body));
        var parts = new List<Part>();
        while (await reader.ReadNextSectionAsync() is { } section)
        {
            var disposition = ContentDispositionHeaderValue.Parse(section.ContentDisposition);
            Assert.Equal("form-data", disposition.DispositionType.Value);
            using var body = new MemoryStream();
            await section.Body.CopyToAsync(body);
            parts.Add(new Part(
                HeaderUtilities.RemoveQuotes(disposition.Name).Value!,
                disposition.FileName.HasValue ? HeaderUtilities.RemoveQuotes(disposition.FileName).Value : null,
                section.ContentType,
                body.ToArray()));
        }

        return parts;
    }

    private sealed record Part(string Name, string? FileName, string? ContentType, byte[] Body);
}
