using System.Security.Cryptography;
using System.Text;

namespace ChatOpsBot.Discord.Rest;

/// <summary>
/// One REST call: the route template that names it in errors and logs (never a token), the relative path it is
/// sent to (no leading slash), the rate-limit key (template + top-level resource) and whether it carries the bot
/// token (and so counts against the global limit).
/// </summary>
internal sealed record DiscordRoute(HttpMethod Method, string Template, string Path, string LimitKey, bool UsesBotToken, string? SecretInPath)
{
    public static DiscordRoute InteractionCallback(string interactionId, string token) => new(
        HttpMethod.Post,
        "POST /interactions/{id}/{token}/callback",
        $"interactions/{Escape(interactionId)}/{Escape(token)}/callback",
        $"POST /interactions/{{id}}/{{token}}/callback|{interactionId}:{Fingerprint(token)}",
        UsesBotToken: false,
        SecretInPath: token);

    public static DiscordRoute EditOriginal(string applicationId, string token) => new(
        HttpMethod.Patch,
        "PATCH /webhooks/{app}/{token}/messages/@original",
        $"webhooks/{Escape(applicationId)}/{Escape(token)}/messages/@original",
        $"PATCH /webhooks/{{app}}/{{token}}/messages/@original|{applicationId}:{Fingerprint(token)}",
        UsesBotToken: false,
        SecretInPath: token);

    public static DiscordRoute CreateFollowup(string applicationId, string token) => new(
        HttpMethod.Post,
        "POST /webhooks/{app}/{token}",
        $"webhooks/{Escape(applicationId)}/{Escape(token)}?wait=true",
        $"POST /webhooks/{{app}}/{{token}}|{applicationId}:{Fingerprint(token)}",
        UsesBotToken: false,
        SecretInPath: token);

    public static DiscordRoute EditChannelMessage(string channelId, string messageId) => new(
        HttpMethod.Patch,
        "PATCH /channels/{channel}/messages/{message}",
        $"channels/{Escape(channelId)}/messages/{Escape(messageId)}",
        $"PATCH /channels/{{channel}}/messages/{{message}}|{channelId}",
        UsesBotToken: true,
        SecretInPath: null);

    public static DiscordRoute CreateChannelMessage(string channelId) => new(
        HttpMethod.Post,
        "POST /channels/{channel}/messages",
        $"channels/{Escape(channelId)}/messages",
        $"POST /channels/{{channel}}/messages|{channelId}",
        UsesBotToken: true,
        SecretInPath: null);

    public static DiscordRoute OverwriteCommands(string applicationId, string? guildId) => guildId is null
        ? new(
            HttpMethod.Put,
            "PUT /applications/{app}/commands",
            $"applications/{Escape(applicationId)}/commands",
            $"PUT /applications/{{app}}/commands|{applicationId}",
            UsesBotToken: true,
            SecretInPath: null)
        : new(
            HttpMethod.Put,
            "PUT /applications/{app}/guilds/{guild}/commands",
            $"applications/{Escape(applicationId)}/guilds/{Escape(guildId)}/commands",
            $"PUT /applications/{{app}}/guilds/{{guild}}/commands|{applicationId}:{guildId}",
            UsesBotToken: true,
            SecretInPath: null);

    /// <summary>The template, so that a route printed by accident never shows its token.</summary>
    public override string ToString() => Template;

    private static string Escape(string segment) => Uri.EscapeDataString(segment);

    /// <summary>A short one-way name for a token, so rate-limit keys can be told apart without holding the token.</summary>
    private static string Fingerprint(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)).AsSpan(0, 8));
}
