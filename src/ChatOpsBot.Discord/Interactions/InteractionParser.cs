using System.Text.Json;

namespace ChatOpsBot.Discord.Interactions;

/// <summary>
/// Maps Discord's interaction JSON to <see cref="Interaction"/>. Unknown fields are ignored and optional ones may be
/// missing (the docs' examples leave out id, token or user); anything that is not an interaction gives null.
/// </summary>
public static class InteractionParser
{
    private const int SubCommand = 1;
    private const int SubCommandGroup = 2;

    private static readonly DiscordUser UnknownUser = new(string.Empty, string.Empty, string.Empty);

    /// <summary>Parses the raw request body (after its signature was checked). Null for malformed JSON or a
    /// document that is not an interaction.</summary>
    public static Interaction? Parse(ReadOnlySpan<byte> json)
    {
        try
        {
            var reader = new Utf8JsonReader(json, new JsonReaderOptions { MaxDepth = 64 });
            using var document = JsonDocument.ParseValue(ref reader);
            return Parse(document.RootElement);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>Maps an already-parsed interaction object; null when it is not one.</summary>
    public static Interaction? Parse(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object
            || Int(root, "type") is not { } typeValue
            || !Enum.IsDefined((InteractionType)typeValue))
        {
            return null;
        }

        var type = (InteractionType)typeValue;
        var data = Child(root, "data");
        var isInteraction = type == InteractionType.Ping
            ? Text(root, "application_id") is not null || Text(root, "token") is not null
            : data is not null;
        if (!isInteraction)
        {
            return null;
        }

        var member = Child(root, "member");
        var user = ParseUser(member is { } m ? Child(m, "user") : null) ?? ParseUser(Child(root, "user")) ?? UnknownUser;
        var (path, options) = data is { } d ? ParseCommand(d) : ([], []);

        return new Interaction(
            Id: Text(root, "id") ?? string.Empty,
            ApplicationId: Text(root, "application_id") ?? string.Empty,
            Type: type,
            Token: Text(root, "token") ?? string.Empty,
            GuildId: Text(root, "guild_id") ?? (Child(root, "guild") is { } guild ? Text(guild, "id") : null),
            ChannelId: Text(root, "channel_id") ?? (Child(root, "channel") is { } channel ? Text(channel, "id") : null),
            User: user,
            MemberRoles: member is { } mm ? Strings(mm, "roles") : [],
            CommandPath: path,
            Options: options,
            CustomId: data is { } dc ? Text(dc, "custom_id") : null,
            MessageId: Child(root, "message") is { } message ? Text(message, "id") : null,
            MessageAttachments: Child(root, "message") is { } withFiles ? Attachments(withFiles) : null);
    }

    /// <summary>The message's <c>attachments</c> that have both an id and a filename.</summary>
    private static IReadOnlyList<Rest.DiscordAttachment> Attachments(JsonElement message)
    {
        if (!message.TryGetProperty("attachments", out var list) || list.ValueKind != JsonValueKind.Array)
        {
            return [];
        }

        var result = new List<Rest.DiscordAttachment>();
        foreach (var a in list.EnumerateArray())
        {
            if (a.ValueKind == JsonValueKind.Object && Text(a, "id") is { } id && Text(a, "filename") is { } name)
            {
                result.Add(new Rest.DiscordAttachment(id, name));
            }
        }

        return result;
    }

    private static DiscordUser? ParseUser(JsonElement? element)
    {
        if (element is not { } user || Text(user, "id") is not { } id)
        {
            return null;
        }

        var username = Text(user, "username") ?? string.Empty;
        var globalName = Text(user, "global_name");
        return new DiscordUser(id, username, string.IsNullOrEmpty(globalName) ? username : globalName);
    }

    /// <summary>Command name, then the subcommand group and subcommand names; the leaf options of the innermost level.</summary>
    private static (IReadOnlyList<string> Path, IReadOnlyList<CommandOption> Options) ParseCommand(JsonElement data)
    {
        var path = new List<string>();
        if (Text(data, "name") is not { } name)
        {
            return (path, []);
        }

        path.Add(name);
        var level = OptionArray(data);
        while (level is { } options && SubCommandOf(options) is { } sub)
        {
            path.Add(Text(sub, "name") ?? string.Empty);
            level = OptionArray(sub);
        }

        var leaves = new List<CommandOption>();
        if (level is { } leafOptions)
        {
            foreach (var option in leafOptions.EnumerateArray())
            {
                if (option.ValueKind != JsonValueKind.Object || Text(option, "name") is not { } optionName)
                {
                    continue;
                }

                var optionType = Int(option, "type") ?? 0;
                var value = option.TryGetProperty("value", out var v) ? ValueText(v) : null;
                var focused = option.TryGetProperty("focused", out var f) && f.ValueKind == JsonValueKind.True;
                leaves.Add(new CommandOption(optionName, optionType, value, focused));
            }
        }

        return (path, leaves);
    }

    private static JsonElement? SubCommandOf(JsonElement options)
    {
        foreach (var option in options.EnumerateArray())
        {
            if (option.ValueKind == JsonValueKind.Object && Int(option, "type") is SubCommand or SubCommandGroup)
            {
                return option;
            }
        }

        return null;
    }

    private static JsonElement? OptionArray(JsonElement parent) =>
        parent.TryGetProperty("options", out var options) && options.ValueKind == JsonValueKind.Array ? options : null;

    /// <summary>An option value as invariant text: strings as they are, numbers and booleans as JSON writes them.</summary>
    private static string? ValueText(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString(),
        JsonValueKind.Null or JsonValueKind.Undefined => null,
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        _ => value.GetRawText(),
    };

    private static JsonElement? Child(JsonElement parent, string name) =>
        parent.TryGetProperty(name, out var child) && child.ValueKind == JsonValueKind.Object ? child : null;

    /// <summary>A string field (snowflakes are strings; a number is accepted as its raw text).</summary>
    private static string? Text(JsonElement parent, string name)
    {
        if (!parent.TryGetProperty(name, out var value))
        {
            return null;
        }

        return value.ValueKind switch
        {
            JsonValueKind.String => value.GetString(),
            JsonValueKind.Number => value.GetRawText(),
            _ => null,
        };
    }

    private static IReadOnlyList<string> Strings(JsonElement parent, string name)
    {
        if (!parent.TryGetProperty(name, out var array) || array.ValueKind != JsonValueKind.Array)
        {
            return [];
        }

        var result = new List<string>(array.GetArrayLength());
        foreach (var item in array.EnumerateArray())
        {
            if (item.ValueKind == JsonValueKind.String && item.GetString() is { } s)
            {
                result.Add(s);
            }
        }

        return result;
    }

    private static int? Int(JsonElement parent, string name) =>
        parent.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var number)
            ? number
            : null;
}
