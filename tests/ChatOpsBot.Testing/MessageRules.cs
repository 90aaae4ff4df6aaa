using System.Text.Json;
using System.Text.Json.Nodes;

namespace ChatOpsBot.Testing;

/// <summary>Discord's message limits, checked independently of the bot's own code (docs: resources/message.mdx
/// "Embed Limits", components/reference.mdx). Lengths are counted in Unicode code points after nothing is trimmed,
/// except the 6,000 embed total, which trims each part first like Discord.</summary>
internal static class MessageRules
{
    public const int IsComponentsV2 = 1 << 15;
    private static readonly int[] SelectTypes = [3, 5, 6, 7, 8];

    /// <summary>Checks a message body (create or edit; for an interaction callback pass prefix "data.").</summary>
    /// <param name="uploaded">The n of every uploaded <c>files[n]</c>.</param>
    /// <param name="existingAttachmentIds">Ids of attachments already on the message being edited.</param>
    public static void Validate(JsonObject message, string prefix, FormErrors errors, IReadOnlySet<int> uploaded, IReadOnlySet<string> existingAttachmentIds)
    {
        var flags = Int(message["flags"]) ?? 0;
        var v2 = (flags & IsComponentsV2) != 0;

        switch (message["content"])
        {
            case null:
                break;
            case JsonValue cv when cv.GetValueKind() == JsonValueKind.String:
                var content = cv.GetValue<string>();
                if (Length(content) > 2000)
                {
                    errors.MaxLength(prefix + "content", 2000);
                }

                if (v2 && content.Length > 0)
                {
                    errors.Add(prefix + "content", "MESSAGE_CANNOT_USE_LEGACY_FIELDS_WITH_COMPONENTS_V2", "The 'content' field cannot be used when using MessageFlags.IS_COMPONENTS_V2");
                }

                break;
            default:
                errors.Add(prefix + "content", "STRING_TYPE_CONVERT", "Could not interpret value as string.");
                break;
        }

        if (message["embeds"] is JsonArray embeds)
        {
            ValidateEmbeds(embeds, prefix + "embeds", errors);
            if (v2 && embeds.Count > 0)
            {
                errors.Add(prefix + "embeds", "MESSAGE_CANNOT_USE_LEGACY_FIELDS_WITH_COMPONENTS_V2", "The 'embeds' field cannot be used when using MessageFlags.IS_COMPONENTS_V2");
            }
        }
        else if (message["embeds"] is not null)
        {
            errors.Add(prefix + "embeds", "LIST_TYPE_CONVERT", "Must be an array.");
        }

        if (message["components"] is JsonArray components)
        {
            ValidateComponents(components, prefix + "components", v2, errors);
        }
        else if (message["components"] is not null)
        {
            errors.Add(prefix + "components", "LIST_TYPE_CONVERT", "Must be an array.");
        }

        if (message["attachments"] is JsonArray attachments)
        {
            if (attachments.Count > 10)
            {
                errors.MaxLength(prefix + "attachments", 10);
            }

            for (var i = 0; i < attachments.Count; i++)
            {
                var id = Get(attachments[i], "id");
                var idText = id is JsonValue idv ? idv.ToString() : null;
                if (idText is null)
                {
                    errors.Required($"{prefix}attachments.{i}.id");
                }
                else if (existingAttachmentIds.Contains(idText))
                {
                    // An attachment the message already has: kept.
                }
                else if (!int.TryParse(idText, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n) || !uploaded.Contains(n))
                {
                    errors.Add($"{prefix}attachments.{i}.id", "ATTACHMENT_NOT_FOUND", $"Attachment data not found: no files[{idText}] part and no existing attachment {idText}.");
                }
            }
        }

        if (message["allowed_mentions"] is JsonObject allowed)
        {
            var parse = allowed["parse"] as JsonArray;
            foreach (var kind in new[] { "users", "roles" })
            {
                var listed = allowed[kind] as JsonArray;
                if (listed is { Count: > 100 })
                {
                    errors.MaxLength($"{prefix}allowed_mentions.{kind}", 100);
                }

                if (parse is not null && listed is { Count: > 0 } && parse.Any(p => p?.ToString() == kind))
                {
                    errors.Add(prefix + "allowed_mentions", "MESSAGE_ALLOWED_MENTIONS_PARSE_EXCLUSIVE", $"parse:[\"{kind}\"] and {kind}: [ids] are mutually exclusive.");
                }
            }
        }
    }

    private static void ValidateEmbeds(JsonArray embeds, string path, FormErrors errors)
    {
        if (embeds.Count > 10)
        {
            errors.MaxLength(path, 10);
        }

        var total = 0;
        for (var i = 0; i < embeds.Count; i++)
        {
            if (embeds[i] is not JsonObject embed)
            {
                errors.Add($"{path}.{i}", "DICT_TYPE_CONVERT", "Only dictionaries may be used in a DictType");
                continue;
            }

            total += Check(embed["title"], $"{path}.{i}.title", 256, errors);
            total += Check(embed["description"], $"{path}.{i}.description", 4096, errors);
            total += Check(Get(embed["footer"], "text"), $"{path}.{i}.footer.text", 2048, errors);
            total += Check(Get(embed["author"], "name"), $"{path}.{i}.author.name", 256, errors);
            if (embed["fields"] is JsonArray fields)
            {
                if (fields.Count > 25)
                {
                    errors.MaxLength($"{path}.{i}.fields", 25);
                }

                for (var f = 0; f < fields.Count; f++)
                {
                    var name = Get(fields[f], "name");
                    var value = Get(fields[f], "value");
                    if (Str(name) is null or "")
                    {
                        errors.Required($"{path}.{i}.fields.{f}.name");
                    }

                    if (Str(value) is null or "")
                    {
                        errors.Required($"{path}.{i}.fields.{f}.value");
                    }

                    total += Check(name, $"{path}.{i}.fields.{f}.name", 256, errors);
                    total += Check(value, $"{path}.{i}.fields.{f}.value", 1024, errors);
                }
            }
        }

        if (total > 6000)
        {
            errors.Add(path, "MAX_EMBED_SIZE_EXCEEDED", "Embed size exceeds maximum size of 6000");
        }
    }

    /// <summary>Checks one embed text and returns its trimmed length towards the 6,000 total.</summary>
    private static int Check(JsonNode? node, string path, int max, FormErrors errors)
    {
        var text = Str(node);
        if (text is null)
        {
            return 0;
        }

        if (Length(text) > max)
        {
            errors.MaxLength(path, max);
        }

        return Length(text.Trim());
    }

    private static void ValidateComponents(JsonArray components, string path, bool v2, FormErrors errors)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        if (v2)
        {
            var count = 0;
            for (var i = 0; i < components.Count; i++)
            {
                count += ValidateV2(components[i], $"{path}.{i}", seen, errors);
            }

            if (count > 40)
            {
                errors.Add(path, "MESSAGE_COMPONENTS_TOO_MANY", $"A message may hold at most 40 components in total (found {count}).");
            }

            return;
        }

        if (components.Count > 5)
        {
            errors.MaxLength(path, 5);
        }

        for (var i = 0; i < components.Count; i++)
        {
            var type = Int(Get(components[i], "type"));
            if (type != 1)
            {
                errors.Add($"{path}.{i}.type", "UNION_TYPE_CHOICES", "Top-level components of a message without IS_COMPONENTS_V2 must be action rows (type 1).");
                continue;
            }

            ValidateRow((JsonObject)components[i]!, $"{path}.{i}", seen, errors);
        }
    }

    /// <summary>Validates one Components V2 component and returns how many components it counts for (nested included).</summary>
    private static int ValidateV2(JsonNode? node, string path, HashSet<string> seen, FormErrors errors)
    {
        if (node is not JsonObject component)
        {
            errors.Add(path, "DICT_TYPE_CONVERT", "Only dictionaries may be used in a DictType");
            return 0;
        }

        switch (Int(component["type"]))
        {
            case 1:
                return 1 + ValidateRow(component, path, seen, errors);
            case 2:
                ValidateButton(component, path, seen, errors);
                return 1;
            case 3 or 5 or 6 or 7 or 8:
                ValidateSelect(component, path, seen, errors);
                return 1;
            case 9:
                var texts = component["components"] as JsonArray ?? [];
                if (texts.Count is < 1 or > 3)
                {
                    errors.BadLength(path + ".components", 1, 3);
                }

                var n = 1;
                for (var i = 0; i < texts.Count; i++)
                {
                    n += ValidateV2(texts[i], $"{path}.components.{i}", seen, errors);
                }

                if (component["accessory"] is null)
                {
                    errors.Required(path + ".accessory");
                }
                else
                {
                    n += ValidateV2(component["accessory"], path + ".accessory", seen, errors);
                }

                return n;
            case 10:
                if (Str(component["content"]) is null or "")
                {
                    errors.Required(path + ".content");
                }
                else if (Length(Str(component["content"])!) > 4000)
                {
                    errors.MaxLength(path + ".content", 4000);
                }

                return 1;
            case 12:
                if ((component["items"] as JsonArray)?.Count is not (>= 1 and <= 10))
                {
                    errors.BadLength(path + ".items", 1, 10);
                }

                return 1;
            case 17:
                var children = component["components"] as JsonArray ?? [];
                var total = 1;
                for (var i = 0; i < children.Count; i++)
                {
                    total += ValidateV2(children[i], $"{path}.components.{i}", seen, errors);
                }

                if (Int(component["accent_color"]) is < 0 or > 0xFFFFFF)
                {
                    errors.Add(path + ".accent_color", "NUMBER_TYPE_MAX", "int value should be less than or equal to 16777215.");
                }

                return total;
            case 11 or 13 or 14:
                return 1;
            default:
                errors.Add(path + ".type", "UNION_TYPE_CHOICES", "Value of field \"type\" must be one of a valid message component type.");
                return 1;
        }
    }

    /// <summary>Validates an action row and returns the number of its children.</summary>
    private static int ValidateRow(JsonObject row, string path, HashSet<string> seen, FormErrors errors)
    {
        var children = row["components"] as JsonArray ?? [];
        if (children.Count == 0)
        {
            errors.BadLength(path + ".components", 1, 5);
        }
        else if (children.Count > 5)
        {
            errors.MaxLength(path + ".components", 5);
        }

        var selects = children.Count(c => SelectTypes.Contains(Int(Get(c, "type")) ?? 0));
        if (selects > 0 && children.Count > 1)
        {
            errors.Add(path + ".components", "COMPONENT_LAYOUT_WIDTH_EXCEEDED", "The specified component exceeds the maximum width");
        }

        for (var i = 0; i < children.Count; i++)
        {
            var childPath = $"{path}.components.{i}";
            if (children[i] is not JsonObject child)
            {
                errors.Add(childPath, "DICT_TYPE_CONVERT", "Only dictionaries may be used in a DictType");
                continue;
            }

            var type = Int(child["type"]);
            if (type == 2)
            {
                ValidateButton(child, childPath, seen, errors);
            }
            else if (type is { } t && SelectTypes.Contains(t))
            {
                ValidateSelect(child, childPath, seen, errors);
            }
            else
            {
                errors.Add(childPath + ".type", "UNION_TYPE_CHOICES", "An action row may hold only buttons or one select menu.");
            }
        }

        return children.Count;
    }

    private static void ValidateButton(JsonObject button, string path, HashSet<string> seen, FormErrors errors)
    {
        var style = Int(button["style"]);
        if (Str(button["label"]) is { } label && Length(label) > 80)
        {
            errors.MaxLength(path + ".label", 80);
        }

        switch (style)
        {
            case >= 1 and <= 4:
                CheckCustomId(button, path, seen, errors);
                if (button["url"] is not null)
                {
                    errors.Add(path + ".url", "BUTTON_URL_NOT_ALLOWED", "A button with a custom_id cannot have a url.");
                }

                break;
            case 5:
                var url = Str(button["url"]);
                if (url is null or "")
                {
                    errors.Required(path + ".url");
                }
                else if (url.Length > 512)
                {
                    errors.MaxLength(path + ".url", 512);
                }

                if (button["custom_id"] is not null)
                {
                    errors.Add(path + ".custom_id", "BUTTON_CUSTOM_ID_NOT_ALLOWED", "A link button cannot have a custom_id.");
                }

                break;
            case 6:
                if (button["sku_id"] is null)
                {
                    errors.Required(path + ".sku_id");
                }

                break;
            default:
                errors.Add(path + ".style", "BASE_TYPE_CHOICES", "Value must be one of {1, 2, 3, 4, 5, 6}.");
                break;
        }
    }

    private static void ValidateSelect(JsonObject select, string path, HashSet<string> seen, FormErrors errors)
    {
        CheckCustomId(select, path, seen, errors);
        if (Str(select["placeholder"]) is { } placeholder && Length(placeholder) > 150)
        {
            errors.MaxLength(path + ".placeholder", 150);
        }

        if (Int(select["min_values"]) is < 0 or > 25)
        {
            errors.Add(path + ".min_values", "NUMBER_TYPE_MAX", "int value should be between 0 and 25.");
        }

        if (Int(select["max_values"]) is < 1 or > 25)
        {
            errors.Add(path + ".max_values", "NUMBER_TYPE_MAX", "int value should be between 1 and 25.");
        }

        if (Int(select["type"]) == 3)
        {
            var options = select["options"] as JsonArray ?? [];
            if (options.Count is < 1 or > 25)
            {
                errors.BadLength(path + ".options", 1, 25);
            }

            for (var i = 0; i < options.Count; i++)
            {
                foreach (var field in new[] { "label", "value" })
                {
                    var text = Str(Get(options[i], field));
                    if (text is null || Length(text) is < 1 or > 100)
                    {
                        errors.BadLength($"{path}.options.{i}.{field}", 1, 100);
                    }
                }

                if (Str(Get(options[i], "description")) is { } d && Length(d) > 100)
                {
                    errors.MaxLength($"{path}.options.{i}.description", 100);
                }
            }
        }
    }

    private static void CheckCustomId(JsonObject component, string path, HashSet<string> seen, FormErrors errors)
    {
        var id = Str(component["custom_id"]);
        if (id is null)
        {
            errors.Required(path + ".custom_id");
        }
        else if (Length(id) is < 1 or > 100)
        {
            errors.BadLength(path + ".custom_id", 1, 100);
        }
        else if (!seen.Add(id))
        {
            errors.Add(path + ".custom_id", "COMPONENT_CUSTOM_ID_DUPLICATED", "Component custom id cannot be duplicated");
        }
    }

    /// <summary>True/false when the body carries message text (content, embeds or components): whether it has
    /// <c>allowed_mentions</c> with an empty <c>parse</c>. Null when there is nothing that could mention anyone.</summary>
    public static bool? AllowedMentionsOk(JsonObject message)
    {
        if (message["content"] is null && message["embeds"] is null && message["components"] is null)
        {
            return null;
        }

        return message["allowed_mentions"] is JsonObject allowed && allowed["parse"] is JsonArray { Count: 0 };
    }

    /// <summary>True when a new message would have nothing to show.</summary>
    public static bool IsEmpty(JsonObject message, int fileCount) =>
        fileCount == 0
        && Str(message["content"]) is null or ""
        && (message["embeds"] as JsonArray)?.Count is null or 0
        && (message["components"] as JsonArray)?.Count is null or 0
        && (message["attachments"] as JsonArray)?.Count is null or 0
        && message["poll"] is null
        && (message["sticker_ids"] as JsonArray)?.Count is null or 0;

    /// <summary>Every custom_id in a component tree, depth first.</summary>
    public static IEnumerable<string> CustomIds(JsonNode? node)
    {
        switch (node)
        {
            case JsonArray array:
                foreach (var item in array)
                {
                    foreach (var id in CustomIds(item))
                    {
                        yield return id;
                    }
                }

                break;
            case JsonObject obj:
                if (Str(obj["custom_id"]) is { } customId)
                {
                    yield return customId;
                }

                foreach (var id in CustomIds(obj["components"]))
                {
                    yield return id;
                }

                foreach (var id in CustomIds(obj["accessory"]))
                {
                    yield return id;
                }

                break;
        }
    }

    /// <summary>A property of an object; null when the node is not an object (never throws).</summary>
    public static JsonNode? Get(JsonNode? node, string key) => node is JsonObject o ? o[key] : null;

    public static int Length(string text)
    {
        var n = 0;
        foreach (var _ in text.EnumerateRunes())
        {
            n++;
        }

        return n;
    }

    public static string? Str(JsonNode? node) =>
        node is JsonValue v && v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : null;

    public static int? Int(JsonNode? node)
    {
        if (node is not JsonValue v)
        {
            return null;
        }

        return v.GetValueKind() switch
        {
            JsonValueKind.Number when v.TryGetValue(out int i) => i,
            JsonValueKind.Number when v.TryGetValue(out long l) => (int)Math.Clamp(l, int.MinValue, int.MaxValue),
            JsonValueKind.String when int.TryParse(v.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture, out var s) => s,
            _ => null,
        };
    }
}
