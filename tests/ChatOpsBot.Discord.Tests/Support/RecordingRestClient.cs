using System.Text.Json.Nodes;
using ChatOpsBot.Discord.Rest;

namespace ChatOpsBot.Discord.Tests.Support;

/// <summary>A hand-written IDiscordRestClient that records command overwrites and answers them like Discord
/// (the list back, each with an id). Message calls are not expected here.</summary>
internal sealed class RecordingRestClient : IDiscordRestClient
{
    public List<(string? GuildId, JsonArray Commands)> Overwrites { get; } = [];

    public Task<JsonArray> OverwriteCommandsAsync(string? guildId, JsonArray commands, CancellationToken cancellationToken)
    {
        Overwrites.Add((guildId, commands));
        var answer = new JsonArray();
        var id = 1300000000000000001L;
        foreach (var command in commands)
        {
            var registered = command!.DeepClone().AsObject();
            registered["id"] = (id++).ToString(System.Globalization.CultureInfo.InvariantCulture);
            answer.Add(registered);
        }

        return Task.FromResult(answer);
    }

    public Task CreateInteractionResponseAsync(string interactionId, string interactionToken, int callbackType, DiscordMessagePayload? data, CancellationToken cancellationToken) =>
        throw new NotSupportedException();

    public Task<DiscordMessageRef> EditOriginalResponseAsync(string interactionToken, DiscordMessagePayload payload, CancellationToken cancellationToken) =>
        throw new NotSupportedException();

    public Task<DiscordMessageRef> CreateFollowupAsync(string interactionToken, DiscordMessagePayload payload, CancellationToken cancellationToken) =>
        throw new NotSupportedException();

    public Task<DiscordMessageRef> EditChannelMessageAsync(string channelId, string messageId, DiscordMessagePayload payload, CancellationToken cancellationToken) =>
        throw new NotSupportedException();

    public Task<DiscordMessageRef> CreateChannelMessageAsync(string channelId, DiscordMessagePayload payload, CancellationToken cancellationToken) =>
        throw new NotSupportedException();
}
