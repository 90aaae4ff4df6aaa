using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace ChatOpsBot.Discord.Commands;

/// <summary>
/// Discord's documented limits for application commands (reference §5): names, descriptions 1-100, at most 25
/// options per level and 25 choices, required options first, nesting command → group → subcommand, string lengths
/// 0-6000, no autocomplete with choices, and at most 8000 characters of names, descriptions and values in total.
/// </summary>
internal static partial class CommandLimits
{
    public const int MaxDescription = 100;
    public const int MaxOptions = 25;
    public const int MaxChoices = 25;
    public const int MaxTotalCharacters = 8000;
    public const int MaxStringLength = 6000;

    /// <summary>Every broken limit, as sentences naming the command path; empty when the command is valid.</summary>
    public static IReadOnlyList<string> Validate(JsonObject command)
    {
        var problems = new List<string>();
        var name = command["name"]?.GetValue<string>() ?? string.Empty;
        CheckName(name, name, problems);
        var type = command["type"]?.GetValue<int>() ?? 1;
        if (type == 1)
        {
            CheckDescription(name, command["description"], problems);
        }

        CheckOptions(name, command["options"] as JsonArray, depth: 0, insideGroup: false, problems);
        var total = TotalCharacters(command);
        if (total > MaxTotalCharacters)
        {
            problems.Add($"/{name} totals {total} characters of names, descriptions and values; Discord allows {MaxTotalCharacters}.");
        }

        return problems;
    }

    /// <summary>Characters Discord counts towards the 8000 limit: every name, description and choice value.</summary>
    public static int TotalCharacters(JsonNode? node) => node switch
    {
        JsonObject obj => obj.Sum(p => p.Key is "name" or "description" or "value" && p.Value is JsonValue v
            ? ValueText(v).Length
            : TotalCharacters(p.Value)),
        JsonArray array => array.Sum(TotalCharacters),
        _ => 0,
    };

    private static void CheckOptions(string path, JsonArray? options, int depth, bool insideGroup, List<string> problems)
    {
        if (options is null)
        {
            return;
        }

        if (options.Count > MaxOptions)
        {
            problems.Add($"/{path} has {options.Count} options; Discord allows {MaxOptions}.");
        }

        var subcommands = options.OfType<JsonObject>().Count(o => o["type"]?.GetValue<int>() is 1 or 2);
        if (subcommands > 0 && subcommands < options.Count)
        {
            problems.Add($"/{path} mixes subcommands with other options.");
        }

        var names = new HashSet<string>(StringComparer.Ordinal);
        var sawOptional = false;
        foreach (var option in options.OfType<JsonObject>())
        {
            var name = option["name"]?.GetValue<string>() ?? string.Empty;
            var here = $"{path} {name}";
            CheckName(here, name, problems);
            CheckDescription(here, option["description"], problems);
            if (!names.Add(name))
            {
                problems.Add($"/{path} has two options named '{name}'.");
            }

            var type = option["type"]?.GetValue<int>() ?? 0;
            if (type is 1 or 2)
            {
                var allowed = depth == 0 || (type == 1 && insideGroup);
                if (!allowed)
                {
                    problems.Add($"/{here} nests too deep: Discord allows command → group → subcommand.");
                }

                if (type == 2 && (option["options"] as JsonArray)?.OfType<JsonObject>().Any(o => o["type"]?.GetValue<int>() != 1) == true)
                {
                    problems.Add($"/{here} is a group, so it may hold only subcommands.");
                }

                CheckOptions(here, option["options"] as JsonArray, depth + 1, insideGroup: type == 2, problems);
                continue;
            }

            var required = option["required"]?.GetValue<bool>() ?? false;
            if (required && sawOptional)
            {
                problems.Add($"/{here} is required but comes after an optional option.");
            }

            sawOptional |= !required;
            CheckValueLimits(here, option, type, problems);
        }
    }

    private static void CheckValueLimits(string here, JsonObject option, int type, List<string> problems)
    {
        var choices = option["choices"] as JsonArray;
        if (choices is { Count: > MaxChoices })
        {
            problems.Add($"/{here} has {choices.Count} choices; Discord allows {MaxChoices}.");
        }

        foreach (var choice in choices?.OfType<JsonObject>() ?? [])
        {
            var choiceName = choice["name"] is JsonValue n ? ValueText(n) : string.Empty;
            if (choiceName.Length is < 1 or > 100)
            {
                problems.Add($"/{here} has a choice name of {choiceName.Length} characters; Discord allows 1-100.");
            }

            if (choice["value"] is JsonValue v && v.TryGetValue<string>(out var s) && s.Length > 100)
            {
                problems.Add($"/{here} has a choice value of {s.Length} characters; Discord allows 100.");
            }
        }

        if (option["autocomplete"]?.GetValue<bool>() == true)
        {
            if (type is not (3 or 4 or 10))
            {
                problems.Add($"/{here} has autocomplete, which only STRING, INTEGER and NUMBER options allow.");
            }

            if (choices is { Count: > 0 })
            {
                problems.Add($"/{here} has both autocomplete and choices.");
            }
        }

        var min = option["min_length"]?.GetValue<int>();
        var max = option["max_length"]?.GetValue<int>();
        if ((min is { } || max is { }) && type != 3)
        {
            problems.Add($"/{here} has min_length/max_length, which only STRING options allow.");
        }

        if (min is < 0 or > MaxStringLength || max is < 1 or > MaxStringLength || (min is { } lo && max is { } hi && lo > hi))
        {
            problems.Add($"/{here} has string lengths {min}-{max}; Discord allows 0-{MaxStringLength} with min ≤ max.");
        }
    }

    private static void CheckName(string path, string name, List<string> problems)
    {
        if (!NamePattern().IsMatch(name))
        {
            problems.Add($"/{path}: the name '{name}' must be 1-32 letters, digits, '-', '_' or '''.");
        }
        else if (!string.Equals(name, name.ToLowerInvariant(), StringComparison.Ordinal))
        {
            problems.Add($"/{path}: the name '{name}' must be lower case.");
        }
    }

    private static void CheckDescription(string path, JsonNode? description, List<string> problems)
    {
        var text = description is JsonValue v && v.TryGetValue<string>(out var s) ? s : string.Empty;
        if (text.Length is < 1 or > MaxDescription)
        {
            problems.Add($"/{path}: the description has {text.Length} characters; Discord allows 1-{MaxDescription}.");
        }
    }

    private static string ValueText(JsonValue value) => value.TryGetValue<string>(out var s) ? s : value.ToJsonString();

    /// <summary>Discord's <c>^[-_'\p{L}\p{N}\p{sc=Deva}\p{sc=Thai}]{1,32}$</c>; .NET names the scripts by block.</summary>
    [GeneratedRegex(@"^[-_'\p{L}\p{N}\p{IsDevanagari}\p{IsThai}]{1,32}$")]
    private static partial Regex NamePattern();
}
