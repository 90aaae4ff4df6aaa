using System.Text.Json.Nodes;
using ChatOpsBot.Discord.Rest;

namespace ChatOpsBot.Discord.Commands;

/// <summary>Installs the bot's slash commands with one bulk overwrite: in one guild (immediate, for testing) or
/// globally. The definition is checked against Discord's limits first, so a bad one fails here with a sentence
/// rather than as a 400 from Discord.</summary>
/// <param name="rest">The Discord REST client.</param>
/// <param name="accountOption">Whether /diagnose offers the <c>account</c> option (accounts are configured).</param>
public sealed class CommandRegistrar(IDiscordRestClient rest, bool accountOption = false)
{
    /// <summary>Overwrites the commands and returns how many Discord reports as registered.</summary>
    /// <param name="guildId">A guild id, or null for global commands.</param>
    public async Task<int> RegisterAsync(string? guildId, CancellationToken cancellationToken)
    {
        var commands = DiagnoseCommandDefinition.Build(accountOption);
        var problems = commands.OfType<JsonObject>().SelectMany(CommandLimits.Validate).ToList();
        if (problems.Count > 0)
        {
            throw new InvalidOperationException("The command definition breaks Discord's limits: " + string.Join(" ", problems));
        }

        var registered = await rest.OverwriteCommandsAsync(string.IsNullOrWhiteSpace(guildId) ? null : guildId, commands, cancellationToken).ConfigureAwait(false);
        return registered.Count;
    }
}
