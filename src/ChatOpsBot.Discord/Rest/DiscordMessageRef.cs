namespace ChatOpsBot.Discord.Rest;

/// <summary>The ids of a message Discord created or edited.</summary>
public sealed record DiscordMessageRef(string Id, string ChannelId);
