using System.Text.Json.Nodes;

namespace ChatOpsBot.Testing;

/// <summary>A snapshot of a message as the fake stores it. <see cref="Json"/> is Discord's message object (id,
/// channel_id, content, embeds, components, attachments, flags…) after all edits so far.</summary>
public sealed class FakeMessage
{
    public required string Id { get; init; }

    public required string ChannelId { get; init; }

    /// <summary>The interaction that created it (initial response or follow-up), or null for channel messages.</summary>
    public string? InteractionId { get; init; }

    public required JsonObject Json { get; init; }

    public required IReadOnlyList<FakeAttachment> Attachments { get; init; }

    /// <summary>Every version of <see cref="Json"/>, oldest first (the last one equals <see cref="Json"/>).</summary>
    public required IReadOnlyList<JsonObject> History { get; init; }

    public required bool Deleted { get; init; }

    public string Content => Json["content"]?.GetValue<string>() ?? "";

    public int Flags => Json["flags"] is JsonValue v && v.TryGetValue(out int f) ? f : 0;

    public bool Ephemeral => (Flags & 64) != 0;

    /// <summary>True while a deferred (type 5) response has not been edited yet ("Bot is thinking…").</summary>
    public bool Loading => (Flags & 128) != 0;

    public JsonArray Embeds => Json["embeds"] as JsonArray ?? [];

    public JsonArray Components => Json["components"] as JsonArray ?? [];

    /// <summary>All <c>custom_id</c>s in the message's components, depth first.</summary>
    public IReadOnlyList<string> CustomIds => MessageRules.CustomIds(Components).ToList();
}
