using System.Collections;
using ChatOpsBot.Discord.Interactions;
using ChatOpsBot.Discord.Sessions;
using Microsoft.Extensions.Logging;

namespace ChatOpsBot.Discord.Hosting;

/// <summary>Logging scopes that put the session (and the interaction, guild and channel) on every line logged while
/// it is handled, whichever class logs it. With the JSON console formatter they appear as fields of each line.</summary>
internal static class LogScopes
{
    public static IDisposable? Session(ILogger logger, DiagnosisSession session) =>
        logger.BeginScope(new Fields([new("SessionId", session.Id), new("GuildId", session.GuildId), new("ChannelId", session.ChannelId)]));

    public static IDisposable? Session(ILogger logger, string sessionId) =>
        logger.BeginScope(new Fields([new("SessionId", sessionId)]));

    public static IDisposable? Interaction(ILogger logger, Interaction interaction) =>
        logger.BeginScope(new Fields([new("InteractionId", interaction.Id), new("GuildId", interaction.GuildId), new("ChannelId", interaction.ChannelId)]));

    /// <summary>Key/value pairs (what the formatters read as fields) that print as <c>Key:value</c> pairs.</summary>
    private sealed class Fields(KeyValuePair<string, object?>[] pairs) : IReadOnlyList<KeyValuePair<string, object?>>
    {
        public int Count => pairs.Length;

        public KeyValuePair<string, object?> this[int index] => pairs[index];

        public IEnumerator<KeyValuePair<string, object?>> GetEnumerator() => ((IEnumerable<KeyValuePair<string, object?>>)pairs).GetEnumerator();

        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

        public override string ToString() => string.Join(' ', pairs.Where(p => p.Value is not null).Select(p => $"{p.Key}:{p.Value}"));
    }
}
