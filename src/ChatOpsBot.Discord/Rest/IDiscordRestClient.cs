using System.Text.Json.Nodes;

namespace ChatOpsBot.Discord.Rest;

/// <summary>The Discord REST calls the bot makes. Every call honours rate limits (route buckets, retry_after,
/// the global limit for bot-token routes) and sends <c>allowed_mentions: {"parse": []}</c> unless the payload
/// sets it.</summary>
public interface IDiscordRestClient
{
    /// <summary>POST /interactions/{id}/{token}/callback (not used for the first answer, which goes in the HTTP reply).</summary>
    Task CreateInteractionResponseAsync(string interactionId, string interactionToken, int callbackType, DiscordMessagePayload? data, CancellationToken cancellationToken);

    /// <summary>PATCH /webhooks/{application}/{token}/messages/@original.</summary>
    Task<DiscordMessageRef> EditOriginalResponseAsync(string interactionToken, DiscordMessagePayload payload, CancellationToken cancellationToken);

    /// <summary>POST /webhooks/{application}/{token} (a follow-up message; wait=true).</summary>
    Task<DiscordMessageRef> CreateFollowupAsync(string interactionToken, DiscordMessagePayload payload, CancellationToken cancellationToken);

    /// <summary>PATCH /channels/{channel}/messages/{message} with the bot token (after the interaction token expired).</summary>
    Task<DiscordMessageRef> EditChannelMessageAsync(string channelId, string messageId, DiscordMessagePayload payload, CancellationToken cancellationToken);

    /// <summary>POST /channels/{channel}/messages with the bot token.</summary>
    Task<DiscordMessageRef> CreateChannelMessageAsync(string channelId, DiscordMessagePayload payload, CancellationToken cancellationToken);

    /// <summary>PUT /applications/{application}/commands, or …/guilds/{guild}/commands when <paramref name="guildId"/> is set.</summary>
    Task<JsonArray> OverwriteCommandsAsync(string? guildId, JsonArray commands, CancellationToken cancellationToken);
}
