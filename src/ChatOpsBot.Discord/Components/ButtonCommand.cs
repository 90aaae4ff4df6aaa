using ChatOpsBot.Runbooks.Messaging;

namespace ChatOpsBot.Discord.Components;

/// <summary>What a button click asks for: an action on a session, with an optional argument.</summary>
public sealed record ButtonCommand(ChatActionKind Action, string SessionId, string? Argument = null);
