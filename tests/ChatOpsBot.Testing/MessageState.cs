using System.Globalization;
using System.Text.Json.Nodes;

namespace ChatOpsBot.Testing;

/// <summary>The fake's mutable record of one message (guarded by the FakeDiscord lock).</summary>
internal sealed class MessageState
{
    public required string Id { get; init; }

    public required string ChannelId { get; init; }

    public string? GuildId { get; init; }

    public string? InteractionId { get; init; }

    /// <summary>Discord message type: 0 DEFAULT, 20 CHAT_INPUT_COMMAND.</summary>
    public int MessageType { get; init; }

    public required JsonObject Author { get; init; }

    public string? WebhookId { get; init; }

    public string? ApplicationId { get; init; }

    public JsonObject? InteractionMetadata { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset? EditedAt { get; set; }

    /// <summary>content, embeds, components, flags, tts, poll as last set.</summary>
    public JsonObject Body { get; set; } = [];

    public List<FakeAttachment> Attachments { get; set; } = [];

    public List<JsonObject> History { get; } = [];

    public bool Deleted { get; set; }

    public int Flags
    {
        get => MessageRules.Int(Body["flags"]) ?? 0;
        set => Body["flags"] = value;
    }

    public JsonObject ToJson()
    {
        var json = new JsonObject
        {
            ["type"] = MessageType,
            ["content"] = MessageRules.Str(Body["content"]) ?? "",
            ["mentions"] = new JsonArray(),
            ["mention_roles"] = new JsonArray(),
            ["attachments"] = new JsonArray([.. Attachments.Select(AttachmentJson)]),
            ["embeds"] = Body["embeds"]?.DeepClone() ?? new JsonArray(),
            ["timestamp"] = CreatedAt.ToString("yyyy-MM-ddTHH:mm:ss.ffffffzzz", CultureInfo.InvariantCulture),
            ["edited_timestamp"] = EditedAt?.ToString("yyyy-MM-ddTHH:mm:ss.ffffffzzz", CultureInfo.InvariantCulture),
            ["flags"] = Flags,
            ["components"] = Body["components"]?.DeepClone() ?? new JsonArray(),
            ["id"] = Id,
            ["channel_id"] = ChannelId,
            ["author"] = Author.DeepClone(),
            ["pinned"] = false,
            ["mention_everyone"] = false,
            ["tts"] = Body["tts"]?.DeepClone() ?? false,
        };
        if (WebhookId is not null)
        {
            json["webhook_id"] = WebhookId;
        }

        if (ApplicationId is not null)
        {
            json["application_id"] = ApplicationId;
        }

        if (InteractionMetadata is not null)
        {
            json["interaction_metadata"] = InteractionMetadata.DeepClone();
        }

        if (Body["poll"] is { } poll)
        {
            json["poll"] = poll.DeepClone();
        }

        return json;
    }

    public FakeMessage Snapshot() => new()
    {
        Id = Id,
        ChannelId = ChannelId,
        InteractionId = InteractionId,
        Json = ToJson(),
        Attachments = [.. Attachments],
        History = [.. History.Select(h => (JsonObject)h.DeepClone())],
        Deleted = Deleted,
    };

    private JsonObject AttachmentJson(FakeAttachment a)
    {
        var url = $"https://cdn.discordapp.com/attachments/{ChannelId}/{a.Id}/{Uri.EscapeDataString(a.FileName)}";
        var json = new JsonObject
        {
            ["id"] = a.Id,
            ["filename"] = a.FileName,
            ["size"] = a.Content.Length,
            ["url"] = url,
            ["proxy_url"] = url.Replace("cdn.discordapp.com", "media.discordapp.net", StringComparison.Ordinal),
        };
        if (a.ContentType is not null)
        {
            json["content_type"] = a.ContentType;
        }

        if (a.Description is not null)
        {
            json["description"] = a.Description;
        }

        return json;
    }
}
