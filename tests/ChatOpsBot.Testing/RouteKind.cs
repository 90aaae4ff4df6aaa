namespace ChatOpsBot.Testing;

internal enum RouteKind
{
    Unknown,
    MethodNotAllowed,
    InteractionCallback,
    WebhookFollowup,
    WebhookMessage,
    ChannelCreateMessage,
    ChannelMessage,
    Commands,
}
