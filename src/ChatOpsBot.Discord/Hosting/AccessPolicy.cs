using ChatOpsBot.Discord.Configuration;
using ChatOpsBot.Discord.Interactions;
using Microsoft.Extensions.Options;

namespace ChatOpsBot.Discord.Hosting;

/// <summary>Allowed guilds, channels and roles from configuration; anyone else is told why, privately.</summary>
public sealed class AccessPolicy(IOptionsMonitor<DiscordOptions> options)
{
    /// <summary>Null when allowed; otherwise the sentence to show the user.</summary>
    public string? Refusal(Interaction interaction)
    {
        var access = options.CurrentValue.Access;
        if (access.Guilds.Count > 0 && (interaction.GuildId is null || !access.Guilds.Contains(interaction.GuildId)))
        {
            return "This bot is not enabled for this server.";
        }

        if (access.Channels.Count > 0 && (interaction.ChannelId is null || !access.Channels.Contains(interaction.ChannelId)))
        {
            return "Diagnoses run only in the incident channels this bot is configured for.";
        }

        if (access.Roles.Count > 0 && !interaction.MemberRoles.Any(access.Roles.Contains))
        {
            return "You need one of the on-call roles configured for this bot to use it.";
        }

        return null;
    }
}
