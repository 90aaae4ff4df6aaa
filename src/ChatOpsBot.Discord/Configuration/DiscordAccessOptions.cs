namespace ChatOpsBot.Discord.Configuration;

/// <summary>Allow-lists. An interaction must pass every non-empty list: its guild, its channel, and (in a guild)
/// at least one of the member's roles.</summary>
public sealed class DiscordAccessOptions
{
    public IList<string> Guilds { get; } = [];

    public IList<string> Channels { get; } = [];

    public IList<string> Roles { get; } = [];
}
