using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using ChatOpsBot.Runbooks.Http503;

namespace ChatOpsBot.Discord.Commands;

/// <summary>
/// The <c>/diagnose</c> slash command as sent to <c>PUT …/commands</c>: one subcommand per runbook (today
/// <c>503</c>; <c>502</c> and <c>504</c> join by adding their names) plus <c>transcript</c>. Guild installs and
/// guild channels only (<c>contexts: [0]</c>, <c>integration_types: [0]</c>).
/// </summary>
public static partial class DiagnoseCommandDefinition
{
    public const string CommandName = "diagnose";
    public const string TranscriptSubcommand = "transcript";
    public const string LoadBalancerOption = "lb";
    public const string RegionOption = "region";
    public const string AccountOption = "account";
    public const string SessionIdOption = "id";

    private const int OptionTypeSubCommand = 1;
    private const int OptionTypeString = 3;
    private const int ChatInput = 1;
    private const int GuildContext = 0;
    private const int GuildInstall = 0;

    /// <summary>The runbooks the bot offers, in the order Discord lists them.</summary>
    public static IReadOnlyList<string> Runbooks { get; } = [Http503Runbook.Name];

    /// <summary>The command list for the runbooks the bot offers.</summary>
    /// <param name="accountOption">Adds the optional, autocompleted <c>account</c> option (when the configuration names
    /// accounts under <c>Aws:Accounts</c>).</param>
    public static JsonArray Build(bool accountOption = false) => Build(Runbooks, accountOption);

    /// <summary>The command list with one subcommand per runbook name (an HTTP status such as <c>503</c>).</summary>
    /// <exception cref="ArgumentException">A name is not a valid lower-case subcommand name, repeats, or is <c>transcript</c>.</exception>
    public static JsonArray Build(IReadOnlyList<string> runbooks, bool accountOption = false)
    {
        ArgumentNullException.ThrowIfNull(runbooks);
        if (runbooks.Count == 0)
        {
            throw new ArgumentException("At least one runbook is needed for /diagnose.", nameof(runbooks));
        }

        var subcommands = new JsonArray();
        var seen = new HashSet<string>(StringComparer.Ordinal) { TranscriptSubcommand };
        foreach (var runbook in runbooks)
        {
            if (!RunbookName().IsMatch(runbook) || !seen.Add(runbook))
            {
                throw new ArgumentException($"Runbook '{runbook}' cannot be a /diagnose subcommand: names are 1-32 lower-case letters, digits, '-' or '_', used once, and not '{TranscriptSubcommand}'.", nameof(runbooks));
            }

            subcommands.Add(new JsonObject
            {
                ["type"] = OptionTypeSubCommand,
                ["name"] = runbook,
                ["description"] = $"Why does this load balancer answer {runbook}?",
                ["options"] = new JsonArray(
                    new JsonObject
                    {
                        ["type"] = OptionTypeString,
                        ["name"] = LoadBalancerOption,
                        ["description"] = "Load balancer name or ARN",
                        ["required"] = true,
                        ["autocomplete"] = true,
                        ["max_length"] = 200,
                    },
                    new JsonObject
                    {
                        ["type"] = OptionTypeString,
                        ["name"] = RegionOption,
                        ["description"] = "AWS region (default: the bot's)",
                        ["required"] = false,
                        ["max_length"] = 32,
                    }),
            });
            if (accountOption)
            {
                subcommands[^1]!["options"]!.AsArray().Add(new JsonObject
                {
                    ["type"] = OptionTypeString,
                    ["name"] = AccountOption,
                    ["description"] = "Account alias from the bot's configuration (default: the bot's)",
                    ["required"] = false,
                    ["autocomplete"] = true,
                    ["max_length"] = 32,
                });
            }
        }

        subcommands.Add(new JsonObject
        {
            ["type"] = OptionTypeSubCommand,
            ["name"] = TranscriptSubcommand,
            ["description"] = "Attach the transcript of a diagnosis session",
            ["options"] = new JsonArray(
                new JsonObject
                {
                    ["type"] = OptionTypeString,
                    ["name"] = SessionIdOption,
                    ["description"] = "Session id from a diagnosis message",
                    ["required"] = true,
                }),
        });

        return
        [
            new JsonObject
            {
                ["name"] = CommandName,
                ["type"] = ChatInput,
                ["description"] = "Find out why a load balancer is failing",
                ["contexts"] = new JsonArray(GuildContext),
                ["integration_types"] = new JsonArray(GuildInstall),
                ["options"] = subcommands,
            },
        ];
    }

    [GeneratedRegex("^[-_a-z0-9]{1,32}$")]
    private static partial Regex RunbookName();
}
