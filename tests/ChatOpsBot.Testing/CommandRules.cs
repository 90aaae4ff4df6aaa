using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace ChatOpsBot.Testing;

/// <summary>Discord's application-command limits (docs: interactions/application-commands.mdx).</summary>
internal static partial class CommandRules
{
    [GeneratedRegex(@"^[-_'\p{L}\p{N}\p{M}]{1,32}$")]
    private static partial Regex ChatInputName();

    public static void Validate(JsonArray commands, FormErrors errors)
    {
        var counts = new int[4];
        var names = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < commands.Count; i++)
        {
            var path = i.ToString(System.Globalization.CultureInfo.InvariantCulture);
            if (commands[i] is not JsonObject command)
            {
                errors.Add(path, "DICT_TYPE_CONVERT", "Only dictionaries may be used in a DictType");
                continue;
            }

            var type = MessageRules.Int(command["type"]) ?? 1;
            if (type is < 1 or > 4)
            {
                errors.Add(path + ".type", "BASE_TYPE_CHOICES", "Value must be one of {1, 2, 3, 4}.");
                continue;
            }

            counts[type - 1]++;
            var name = MessageRules.Str(command["name"]);
            CheckName(name, path + ".name", chatInput: type == 1, errors);
            if (name is not null && !names.Add($"{type}:{name}"))
            {
                errors.Add(path + ".name", "APPLICATION_COMMANDS_DUPLICATE_NAME", $"Application command names must be unique (\"{name}\")");
            }

            var description = MessageRules.Str(command["description"]);
            if (type == 1)
            {
                CheckDescription(description, path + ".description", errors);
            }
            else if (!string.IsNullOrEmpty(description))
            {
                errors.Add(path + ".description", "APPLICATION_COMMAND_DESCRIPTION_NOT_ALLOWED", "Context menu commands cannot have a description.");
            }

            if (command["options"] is JsonArray options)
            {
                if (type != 1 && options.Count > 0)
                {
                    errors.Add(path + ".options", "APPLICATION_COMMAND_OPTIONS_NOT_ALLOWED", "Context menu commands cannot have options.");
                }

                CheckOptions(options, path + ".options", parentType: 0, errors);
            }

            var size = Size(command);
            if (size > 8000)
            {
                errors.Add(path, "APPLICATION_COMMAND_TOO_LARGE", "Command exceeds maximum size (8000)");
            }
        }

        if (counts[0] > 100)
        {
            errors.Add("", "APPLICATION_COMMANDS_TOO_MANY_CHAT_INPUT", "Maximum number of chat input commands reached (100)");
        }

        if (counts[1] > 15 || counts[2] > 15)
        {
            errors.Add("", "APPLICATION_COMMANDS_TOO_MANY_CONTEXT_MENU", "Maximum number of user or message commands reached (15)");
        }
    }

    private static void CheckName(string? name, string path, bool chatInput, FormErrors errors)
    {
        if (name is null || MessageRules.Length(name) is < 1 or > 32)
        {
            errors.BadLength(path, 1, 32);
        }
        else if (chatInput && (!ChatInputName().IsMatch(name) || name != name.ToLowerInvariant()))
        {
            errors.Add(path, "APPLICATION_COMMAND_INVALID_NAME", $"Command name is invalid (\"{name}\": lower case letters, digits, - _ ' only)");
        }
    }

    private static void CheckDescription(string? description, string path, FormErrors errors)
    {
        if (description is null || MessageRules.Length(description) is < 1 or > 100)
        {
            errors.BadLength(path, 1, 100);
        }
    }

    /// <summary>parentType 0: the command's own options; 1: a sub-command's; 2: a sub-command group's.</summary>
    private static void CheckOptions(JsonArray options, string path, int parentType, FormErrors errors)
    {
        if (options.Count > 25)
        {
            errors.MaxLength(path, 25);
        }

        var names = new HashSet<string>(StringComparer.Ordinal);
        var sawOptional = false;
        var subcommands = 0;
        for (var i = 0; i < options.Count; i++)
        {
            var p = $"{path}.{i}";
            if (options[i] is not JsonObject option)
            {
                errors.Add(p, "DICT_TYPE_CONVERT", "Only dictionaries may be used in a DictType");
                continue;
            }

            var type = MessageRules.Int(option["type"]);
            var name = MessageRules.Str(option["name"]);
            CheckName(name, p + ".name", chatInput: true, errors);
            if (name is not null && !names.Add(name))
            {
                errors.Add(p + ".name", "APPLICATION_COMMAND_OPTION_NAME_ALREADY_EXISTS", $"Option name {name} is already used in these options");
            }

            CheckDescription(MessageRules.Str(option["description"]), p + ".description", errors);
            if (type is null or < 1 or > 11)
            {
                errors.Add(p + ".type", "BASE_TYPE_CHOICES", "Value must be one of {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11}.");
                continue;
            }

            if (type is 1 or 2)
            {
                subcommands++;
                var allowed = type == 2 ? parentType == 0 : parentType is 0 or 2;
                if (!allowed)
                {
                    errors.Add(p + ".type", "APPLICATION_COMMAND_OPTION_INVALID_NESTING", "Sub-commands and groups can nest only command -> group -> sub-command.");
                }

                CheckOptions(option["options"] as JsonArray ?? [], p + ".options", type.Value, errors);
                continue;
            }

            if (parentType == 2)
            {
                errors.Add(p + ".type", "APPLICATION_COMMAND_OPTION_INVALID_NESTING", "A sub-command group may contain only sub-commands.");
            }

            var required = option["required"] is JsonValue r && r.TryGetValue(out bool b) && b;
            if (required && sawOptional)
            {
                errors.Add(p + ".required", "APPLICATION_COMMAND_OPTIONS_REQUIRED_INVALID", "Required options must be placed before non-required options");
            }

            sawOptional |= !required;
            var autocomplete = option["autocomplete"] is JsonValue a && a.TryGetValue(out bool ac) && ac;
            if (option["choices"] is JsonArray choices)
            {
                if (autocomplete && choices.Count > 0)
                {
                    errors.Add(p + ".autocomplete", "APPLICATION_COMMAND_AUTOCOMPLETE_INVALID", "Autocomplete cannot be used with choices");
                }

                if (choices.Count > 25)
                {
                    errors.MaxLength(p + ".choices", 25);
                }

                for (var c = 0; c < choices.Count; c++)
                {
                    var choiceName = MessageRules.Str(MessageRules.Get(choices[c], "name"));
                    if (choiceName is null || MessageRules.Length(choiceName) is < 1 or > 100)
                    {
                        errors.BadLength($"{p}.choices.{c}.name", 1, 100);
                    }

                    if (MessageRules.Str(MessageRules.Get(choices[c], "value")) is { } value && MessageRules.Length(value) > 100)
                    {
                        errors.MaxLength($"{p}.choices.{c}.value", 100);
                    }
                }
            }

            if (autocomplete && type is not (3 or 4 or 10))
            {
                errors.Add(p + ".autocomplete", "APPLICATION_COMMAND_AUTOCOMPLETE_INVALID", "Autocomplete is allowed only on STRING, INTEGER and NUMBER options");
            }
        }

        if (subcommands > 0 && subcommands < options.Count)
        {
            errors.Add(path, "APPLICATION_COMMAND_OPTION_INVALID_NESTING", "Sub-commands and groups cannot be mixed with other options.");
        }
    }

    /// <summary>The characters Discord counts towards the 8,000 limit: names, descriptions, choice names and values.</summary>
    private static int Size(JsonObject node)
    {
        var total = MessageRules.Length(MessageRules.Str(node["name"]) ?? "") + MessageRules.Length(MessageRules.Str(node["description"]) ?? "");
        if (node["value"] is JsonValue v)
        {
            total += MessageRules.Length(v.ToString());
        }

        foreach (var key in new[] { "options", "choices" })
        {
            if (node[key] is JsonArray children)
            {
                total += children.OfType<JsonObject>().Sum(Size);
            }
        }

        return total;
    }
}
