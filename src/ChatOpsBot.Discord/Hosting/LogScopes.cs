using ChatOpsBot.Discord.Interactions;
using ChatOpsBot.Discord.Sessions;
using Microsoft.Extensions.Logging;

namespace ChatOpsBot.Discord.Hosting;

/// <summary>Logging scopes that put the session (and the interaction, guild and channel) on every line logged while
/// it is handled, whichever class logs it. With the JSON console formatter they appear as fields of each line.</summary>
internal static class LogScopes
{
    public static IDisposable? Session(ILogger logger, DiagnosisSession session) =>
        logger.BeginScope(new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["SessionId"] = session.Id,
            ["GuildId"] = session.GuildId,
            ["ChannelId"] = session.ChannelId,
        });

    public static IDisposable? Session(ILogger logger, string sessionId) =>
        logger.BeginScope(new Dictionary<string, object?>(StringComparer.Ordinal) { ["SessionId"] = sessionId });

    public static IDisposable? Interaction(ILogger logger, Interaction interaction) =>
        logger.BeginScope(new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["InteractionId"] = interaction.Id,
            ["GuildId"] = interaction.GuildId,
            ["ChannelId"] = interaction.ChannelId,
        });
}
