namespace ChatOpsBot.Runbooks.Messaging;

/// <summary>A button. The adapter binds it to the session; the message carries no state of its own.</summary>
public sealed record ChatAction(ChatActionKind Kind, string Label, ChatActionStyle Style, bool Disabled = false);
