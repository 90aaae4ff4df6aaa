namespace ChatOpsBot.Testing;

/// <summary>The route names used in <see cref="RecordedCall.Route"/> and <see cref="FakeDiscord.RateLimitNext"/>:
/// the HTTP method, a space and Discord's route template (relative to <c>/api/v10</c>).</summary>
public static class DiscordRoutes
{
    /// <summary>Matches every route in <see cref="FakeDiscord.RateLimitNext"/>.</summary>
    public const string Any = "*";

    /// <summary>The bot's HTTP reply to an interaction (recorded with <see cref="CallKind.InitialReply"/>).</summary>
    public const string InitialReply = "REPLY /interactions";

    public const string CreateInteractionResponse = "POST /interactions/{interaction.id}/{interaction.token}/callback";
    public const string GetOriginalResponse = "GET /webhooks/{application.id}/{interaction.token}/messages/@original";
    public const string EditOriginalResponse = "PATCH /webhooks/{application.id}/{interaction.token}/messages/@original";
    public const string DeleteOriginalResponse = "DELETE /webhooks/{application.id}/{interaction.token}/messages/@original";
    public const string CreateFollowup = "POST /webhooks/{application.id}/{interaction.token}";
    public const string GetFollowup = "GET /webhooks/{application.id}/{interaction.token}/messages/{message.id}";
    public const string EditFollowup = "PATCH /webhooks/{application.id}/{interaction.token}/messages/{message.id}";
    public const string DeleteFollowup = "DELETE /webhooks/{application.id}/{interaction.token}/messages/{message.id}";
    public const string CreateChannelMessage = "POST /channels/{channel.id}/messages";
    public const string GetChannelMessage = "GET /channels/{channel.id}/messages/{message.id}";
    public const string EditChannelMessage = "PATCH /channels/{channel.id}/messages/{message.id}";
    public const string DeleteChannelMessage = "DELETE /channels/{channel.id}/messages/{message.id}";
    public const string GetGlobalCommands = "GET /applications/{application.id}/commands";
    public const string OverwriteGlobalCommands = "PUT /applications/{application.id}/commands";
    public const string GetGuildCommands = "GET /applications/{application.id}/guilds/{guild.id}/commands";
    public const string OverwriteGuildCommands = "PUT /applications/{application.id}/guilds/{guild.id}/commands";

    /// <summary>Any request that matched no route (answered 404/405).</summary>
    public const string Unknown = "UNKNOWN";
}
