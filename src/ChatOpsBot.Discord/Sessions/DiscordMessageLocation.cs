namespace ChatOpsBot.Discord.Sessions;

public sealed record DiscordMessageLocation(string ChannelId, string MessageId);
