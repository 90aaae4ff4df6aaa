using System.Text.Json.Nodes;

namespace ChatOpsBot.Discord.Rest;

/// <summary>A message body: the JSON (content, embeds, components, flags, allowed_mentions, attachments) and the
/// files it refers to as <c>attachments[n]</c>. Sent as JSON, or as multipart when there are files.</summary>
public sealed record DiscordMessagePayload(JsonObject Json, IReadOnlyList<DiscordFile> Files);
