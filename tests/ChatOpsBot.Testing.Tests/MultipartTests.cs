using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;

namespace ChatOpsBot.Testing.Tests;

public sealed class MultipartTests
{
    private static MultipartFormDataContent Multipart(JsonObject payload, params (int Index, string Name, byte[] Bytes)[] files)
    {
        var content = new MultipartFormDataContent();
        var json = new StringContent(payload.ToJsonString(), Encoding.UTF8);
        json.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        content.Add(json, "payload_json");
        foreach (var (index, name, bytes) in files)
        {
            var file = new ByteArrayContent(bytes);
            file.Headers.ContentType = new MediaTypeHeaderValue("text/plain");
            content.Add(file, $"files[{index}]", name);
        }

        return content;
    }

    private static JsonObject Payload(string content, params object[] attachmentIds) => new()
    {
        ["content"] = content,
        ["allowed_mentions"] = new JsonObject { ["parse"] = new JsonArray() },
        ["attachments"] = new JsonArray([.. attachmentIds.Select(id => (JsonNode)new JsonObject { ["id"] = id is int i ? i : JsonValue.Create((string)id) })]),
    };

    [Fact]
    public async Task Multipart_edits_are_parsed_recorded_and_attachments_follow_the_v10_list_rule()
    {
        await using var discord = await FakeDiscord.StartAsync();
        await using var bot = await TestBot.StartAsync(discord.PublicKeyHex);
        using var api = new DiscordApi(discord, withBotToken: false);
        var command = discord.SlashCommand(["diagnose", "503"]);
        await discord.SendAsync(bot.InteractionsUrl, command);
        var route = $"webhooks/{discord.ApplicationId}/{command["token"]}/messages/@original";

        var (first, firstJson) = await api.SendAsync(HttpMethod.Patch, route, Multipart(Payload("report", 0, 1), (0, "report.md", "# 503"u8.ToArray()), (1, "targets.csv", "id,state"u8.ToArray())));
        var reportId = firstJson!["attachments"]![0]!["id"]!.GetValue<string>();
        var (second, _) = await api.SendAsync(HttpMethod.Patch, route, Multipart(Payload("report v2", reportId, 0), (0, "more.txt", "more"u8.ToArray())));
        var (missing, missingJson) = await api.SendAsync(HttpMethod.Patch, route, Multipart(Payload("x", 0, 3), (0, "a.txt", "a"u8.ToArray())));

        Assert.Equal(200, (int)first.StatusCode);
        Assert.Equal(200, (int)second.StatusCode);
        var call = discord.Calls.First(c => c.Route == DiscordRoutes.EditOriginalResponse);
        Assert.Equal("report", call.Json!["content"]!.GetValue<string>());
        Assert.Equal(["files[0]", "files[1]"], call.Files.Select(f => f.FieldName));
        Assert.Equal("# 503", Encoding.UTF8.GetString(call.Files[0].Content));
        var original = discord.OriginalResponse(command["id"]!.GetValue<string>())!;
        Assert.Equal("report v2", original.Content);
        Assert.Equal(["report.md", "more.txt"], original.Attachments.Select(a => a.FileName));
        Assert.Equal("more", Encoding.UTF8.GetString(original.Attachments[1].Content));
        Assert.Equal(400, (int)missing.StatusCode);
        Assert.NotNull(missingJson!["errors"]!["attachments"]!["1"]!["id"]!["_errors"]);
    }

    [Fact]
    public async Task An_embed_image_must_name_a_file_the_message_keeps_or_uploads_and_omitting_attachments_keeps_them_all()
    {
        await using var discord = await FakeDiscord.StartAsync();
        await using var bot = await TestBot.StartAsync(discord.PublicKeyHex);
        using var api = new DiscordApi(discord, withBotToken: false);
        var command = discord.SlashCommand(["diagnose", "503"]);
        await discord.SendAsync(bot.InteractionsUrl, command);
        var route = $"webhooks/{discord.ApplicationId}/{command["token"]}/messages/@original";
        JsonObject WithImage(JsonObject payload, string url)
        {
            payload["embeds"] = new JsonArray(new JsonObject { ["title"] = "503", ["image"] = new JsonObject { ["url"] = url } });
            return payload;
        }

        var (upload, uploadJson) = await api.SendAsync(HttpMethod.Patch, route, Multipart(WithImage(Payload("charts", 0), "attachment://hosts.png"), (0, "hosts.png", [0x89, 0x50, 0x4E, 0x47])));
        var chartId = uploadJson!["attachments"]![0]!["id"]!.GetValue<string>();
        var (kept, _) = await api.SendAsync(HttpMethod.Patch, route, WithImage(Payload("ack", chartId), "attachment://hosts.png"));
        var omitted = WithImage(Payload("resolve"), "attachment://hosts.png");
        omitted.Remove("attachments");
        var (keptAll, _) = await api.SendAsync(HttpMethod.Patch, route, omitted);
        var (dropped, droppedJson) = await api.SendAsync(HttpMethod.Patch, route, WithImage(Payload("dropped"), "attachment://hosts.png"));
        var (wrongType, wrongTypeJson) = await api.SendAsync(HttpMethod.Patch, route, Multipart(WithImage(Payload("md", 0), "attachment://r.md"), (0, "r.md", "# r"u8.ToArray())));

        Assert.Equal(200, (int)upload.StatusCode);
        Assert.Equal(200, (int)kept.StatusCode);
        Assert.Equal(200, (int)keptAll.StatusCode);
        Assert.Equal(400, (int)dropped.StatusCode);
        Assert.Equal("ATTACHMENT_NOT_FOUND", droppedJson!["errors"]!["embeds"]!["0"]!["image"]!["url"]!["_errors"]![0]!["code"]!.GetValue<string>());
        Assert.Equal(400, (int)wrongType.StatusCode);
        Assert.NotNull(wrongTypeJson!["errors"]!["embeds"]!["0"]!["image"]!["url"]);
        var original = discord.OriginalResponse(command["id"]!.GetValue<string>())!;
        Assert.Equal("resolve", original.Content);
        Assert.Equal([chartId], original.Attachments.Select(a => a.Id));
    }

    [Fact]
    public async Task A_multipart_HTTP_reply_is_parsed_as_the_initial_callback()
    {
        await using var discord = await FakeDiscord.StartAsync();
        await using var bot = await TestBot.StartAsync(discord.PublicKeyHex);
        bot.Reply = async (_, context) =>
        {
            using var content = Multipart(new JsonObject { ["type"] = 4, ["data"] = Payload("see file", 0) }, (0, "diagnosis.txt", "healthy: 0/3"u8.ToArray()));
            context.Response.StatusCode = 200;
            context.Response.ContentType = content.Headers.ContentType!.ToString();
            await content.CopyToAsync(context.Response.Body);
        };
        var command = discord.SlashCommand(["diagnose", "503"]);

        var reply = await discord.SendAsync(bot.InteractionsUrl, command);

        Assert.True(reply.Acknowledged, string.Join("; ", reply.Violations));
        Assert.Equal(4, reply.CallbackType);
        var file = Assert.Single(reply.Files);
        Assert.Equal("diagnosis.txt", file.FileName);
        var original = discord.OriginalResponse(command["id"]!.GetValue<string>())!;
        Assert.Equal("see file", original.Content);
        Assert.Equal("healthy: 0/3", Encoding.UTF8.GetString(Assert.Single(original.Attachments).Content));
        Assert.True(reply.AllowedMentionsOk);
    }
}
