namespace ChatOpsBot.Testing;

/// <summary>A request path matched to one of Discord's routes. <see cref="Major"/> is the top-level resource that
/// keys its rate-limit bucket.</summary>
internal sealed record RouteMatch(RouteKind Kind, string Name, bool NeedsBotToken, string Major, string? A = null, string? B = null, string? C = null)
{
    public const string BasePath = "/api/v10/";

    public static RouteMatch Parse(string method, string path)
    {
        if (!path.StartsWith(BasePath, StringComparison.Ordinal))
        {
            return new RouteMatch(RouteKind.Unknown, DiscordRoutes.Unknown, false, "");
        }

        var s = path[BasePath.Length..].TrimEnd('/').Split('/');
        RouteMatch? Pick(RouteKind kind, bool bot, string major, string? a, string? b, string? c, params (string Method, string Route)[] routes)
        {
            foreach (var (m, route) in routes)
            {
                if (m == method)
                {
                    return new RouteMatch(kind, route, bot, major, a, b, c);
                }
            }

            return new RouteMatch(RouteKind.MethodNotAllowed, DiscordRoutes.Unknown, false, "");
        }

        return s switch
        {
            ["interactions", var id, var token, "callback"] =>
                Pick(RouteKind.InteractionCallback, false, id + "/" + token, id, token, null, ("POST", DiscordRoutes.CreateInteractionResponse)),
            ["webhooks", var app, var token] =>
                Pick(RouteKind.WebhookFollowup, false, app + "/" + token, app, token, null, ("POST", DiscordRoutes.CreateFollowup)),
            ["webhooks", var app, var token, "messages", "@original"] =>
                Pick(RouteKind.WebhookMessage, false, app + "/" + token, app, token, "@original",
                    ("GET", DiscordRoutes.GetOriginalResponse), ("PATCH", DiscordRoutes.EditOriginalResponse), ("DELETE", DiscordRoutes.DeleteOriginalResponse)),
            ["webhooks", var app, var token, "messages", var message] =>
                Pick(RouteKind.WebhookMessage, false, app + "/" + token, app, token, message,
                    ("GET", DiscordRoutes.GetFollowup), ("PATCH", DiscordRoutes.EditFollowup), ("DELETE", DiscordRoutes.DeleteFollowup)),
            ["channels", var channel, "messages"] =>
                Pick(RouteKind.ChannelCreateMessage, true, channel, channel, null, null, ("POST", DiscordRoutes.CreateChannelMessage)),
            ["channels", var channel, "messages", var message] =>
                Pick(RouteKind.ChannelMessage, true, channel, channel, message, null,
                    ("GET", DiscordRoutes.GetChannelMessage), ("PATCH", DiscordRoutes.EditChannelMessage), ("DELETE", DiscordRoutes.DeleteChannelMessage)),
            ["applications", var app, "commands"] =>
                Pick(RouteKind.Commands, true, app, app, null, null, ("GET", DiscordRoutes.GetGlobalCommands), ("PUT", DiscordRoutes.OverwriteGlobalCommands)),
            ["applications", var app, "guilds", var guild, "commands"] =>
                Pick(RouteKind.Commands, true, app + "/" + guild, app, guild, null, ("GET", DiscordRoutes.GetGuildCommands), ("PUT", DiscordRoutes.OverwriteGuildCommands)),
            _ => null,
        } ?? new RouteMatch(RouteKind.Unknown, DiscordRoutes.Unknown, false, "");
    }
}
