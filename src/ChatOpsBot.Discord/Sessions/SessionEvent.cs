namespace ChatOpsBot.Discord.Sessions;

/// <summary>Something that happened in a session, for its transcript: who, when, what.</summary>
/// <param name="Who">A display name and user id, or "bot".</param>
public sealed record SessionEvent(DateTimeOffset At, string Who, string What);
