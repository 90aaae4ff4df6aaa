using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using ChatOpsBot.Discord.Rest;

namespace ChatOpsBot.Discord.Rendering;

/// <summary>
/// Checks a message body against Discord's limits (reference §3), the way the API would answer 400 / 50035.
/// Each violation reads <c>path: problem</c>, where the path uses Discord's error keys
/// (<c>embeds.0.fields.3.value: must be 1024 or fewer in length (is 1100)</c>), so a fake API can build a
/// 50035 body from it. Lengths are UTF-16 code units (never fewer than Discord's count). Used by the renderer's
/// tests and by the fake Discord API.
/// </summary>
public static class DiscordMessageValidator
{
    private static readonly HashSet<string> MentionKinds = new(StringComparer.Ordinal) { "users", "roles", "everyone" };

    /// <summary>Every limit broken by the JSON body (content, embeds, components, allowed_mentions, attachments).</summary>
    public static IReadOnlyList<string> Violations(JsonObject message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var v = new List<string>();
        var flags = Integer(message["flags"]) ?? 0;
        var v2 = (flags & DiscordLimits.FlagComponentsV2) != 0;
        if (message.ContainsKey("flags") && Integer(message["flags"]) is null && message["flags"] is not null)
        {
            v.Add("flags: must be an integer");
        }

        if (Text(message, "content", v, "content") is { } content)
        {
            if (v2 && content.Length > 0)
            {
                v.Add("content: not allowed with IS_COMPONENTS_V2");
            }

            MaxLength(v, "content", content, DiscordLimits.ContentLength);
        }

        CheckEmbeds(message["embeds"], v2, v);
        CheckComponents(message["components"], v2, v);
        CheckAllowedMentions(message["allowed_mentions"], v);
        CheckAttachments(message["attachments"], v);
        return v;
    }

    /// <summary>The JSON checks plus the files: at most 10, each at most 10 MiB and 25 MiB together, and each
    /// <c>files[n]</c> described by an attachment with id n and the same filename.</summary>
    public static IReadOnlyList<string> Violations(DiscordMessagePayload payload)
    {
        ArgumentNullException.ThrowIfNull(payload);
        var v = new List<string>(Violations(payload.Json));
        if (payload.Files.Count > DiscordLimits.AttachmentsPerMessage)
        {
            v.Add($"files: must be {DiscordLimits.AttachmentsPerMessage} or fewer in length (is {payload.Files.Count})");
        }

        var attachments = payload.Json["attachments"] as JsonArray;
        long total = 0;
        for (var i = 0; i < payload.Files.Count; i++)
        {
            var file = payload.Files[i];
            total += file.Content.Length;
            if (file.Content.Length > DiscordLimits.FileBytes)
            {
                v.Add($"files[{i}]: {file.Content.Length} bytes, over the {DiscordLimits.FileBytes}-byte file limit");
            }

            if (string.IsNullOrWhiteSpace(file.FileName))
            {
                v.Add($"files[{i}]: a file needs a filename");
            }

            var described = attachments?.OfType<JsonObject>().FirstOrDefault(a => Integer(a["id"]) == i);
            if (described is null)
            {
                v.Add($"files[{i}]: no attachment with id {i} describes it");
            }
            else if (Str(described["filename"]) is { } name && !string.Equals(name, file.FileName, StringComparison.Ordinal))
            {
                v.Add($"files[{i}]: filename '{file.FileName}' differs from attachment {i}'s '{name}'");
            }
        }

        if (total > DiscordLimits.RequestFileBytes)
        {
            v.Add($"files: {total} bytes in all, over the {DiscordLimits.RequestFileBytes}-byte request limit");
        }

        return v;
    }

    private static void CheckEmbeds(JsonNode? node, bool v2, List<string> v)
    {
        if (node is null)
        {
            return;
        }

        if (node is not JsonArray embeds)
        {
            v.Add("embeds: must be an array");
            return;
        }

        if (v2 && embeds.Count > 0)
        {
            v.Add("embeds: not allowed with IS_COMPONENTS_V2");
        }

        if (embeds.Count > DiscordLimits.EmbedsPerMessage)
        {
            v.Add($"embeds: must be {DiscordLimits.EmbedsPerMessage} or fewer in length (is {embeds.Count})");
        }

        var total = 0;
        for (var i = 0; i < embeds.Count; i++)
        {
            var path = $"embeds.{i}";
            if (embeds[i] is not JsonObject embed)
            {
                v.Add($"{path}: must be an object");
                continue;
            }

            total += Counted(MaxLength(v, $"{path}.title", Text(embed, "title", v, $"{path}.title"), DiscordLimits.EmbedTitleLength));
            total += Counted(MaxLength(v, $"{path}.description", Text(embed, "description", v, $"{path}.description"), DiscordLimits.EmbedDescriptionLength));
            if (embed["footer"] is JsonObject footer)
            {
                total += Counted(MaxLength(v, $"{path}.footer.text", Text(footer, "text", v, $"{path}.footer.text"), DiscordLimits.EmbedFooterLength));
            }

            if (embed["author"] is JsonObject author)
            {
                total += Counted(MaxLength(v, $"{path}.author.name", Text(author, "name", v, $"{path}.author.name"), DiscordLimits.EmbedAuthorNameLength));
            }

            if (embed["image"] is { } image)
            {
                var url = image is JsonObject picture ? Text(picture, "url", v, $"{path}.image.url") : null;
                if (url is null)
                {
                    v.Add($"{path}.image.url: required");
                }
                else if (url.StartsWith(DiscordRenderer.AttachmentScheme, StringComparison.Ordinal)
                    ? !DiscordRenderer.EmbeddableImage(url)
                    : !url.StartsWith("https://", StringComparison.Ordinal) && !url.StartsWith("http://", StringComparison.Ordinal))
                {
                    v.Add($"{path}.image.url: must be http(s) or attachment:// to a .png, .jpg, .jpeg, .webp or .gif file");
                }
            }

            if (embed.ContainsKey("color") && embed["color"] is not null)
            {
                var color = Integer(embed["color"]);
                if (color is null or < 0 or > DiscordLimits.MaxColor)
                {
                    v.Add($"{path}.color: must be an integer from 0 to {DiscordLimits.MaxColor}");
                }
            }

            if (embed["fields"] is { } fieldsNode)
            {
                if (fieldsNode is not JsonArray fields)
                {
                    v.Add($"{path}.fields: must be an array");
                    continue;
                }

                if (fields.Count > DiscordLimits.EmbedFields)
                {
                    v.Add($"{path}.fields: must be {DiscordLimits.EmbedFields} or fewer in length (is {fields.Count})");
                }

                for (var j = 0; j < fields.Count; j++)
                {
                    var fieldPath = $"{path}.fields.{j}";
                    if (fields[j] is not JsonObject field)
                    {
                        v.Add($"{fieldPath}: must be an object");
                        continue;
                    }

                    var name = Required(v, $"{fieldPath}.name", Text(field, "name", v, $"{fieldPath}.name"));
                    var value = Required(v, $"{fieldPath}.value", Text(field, "value", v, $"{fieldPath}.value"));
                    total += Counted(MaxLength(v, $"{fieldPath}.name", name, DiscordLimits.EmbedFieldNameLength));
                    total += Counted(MaxLength(v, $"{fieldPath}.value", value, DiscordLimits.EmbedFieldValueLength));
                    if (field["inline"] is { } inline && inline.GetValueKind() is not (JsonValueKind.True or JsonValueKind.False))
                    {
                        v.Add($"{fieldPath}.inline: must be a boolean");
                    }
                }
            }
        }

        if (total > DiscordLimits.EmbedTotalLength)
        {
            v.Add($"embeds: embed size exceeds maximum size of {DiscordLimits.EmbedTotalLength} (is {total})");
        }
    }

    private static void CheckComponents(JsonNode? node, bool v2, List<string> v)
    {
        if (node is null)
        {
            return;
        }

        if (node is not JsonArray rows)
        {
            v.Add("components: must be an array");
            return;
        }

        var customIds = new HashSet<string>(StringComparer.Ordinal);
        if (v2)
        {
            var count = 0;
            for (var i = 0; i < rows.Count; i++)
            {
                count += Walk(rows[i], $"components.{i}", customIds, v);
            }

            if (count > DiscordLimits.ComponentsV2Total)
            {
                v.Add($"components: {count} components in all, over the {DiscordLimits.ComponentsV2Total} allowed with IS_COMPONENTS_V2");
            }

            return;
        }

        if (rows.Count > DiscordLimits.ActionRows)
        {
            v.Add($"components: must be {DiscordLimits.ActionRows} or fewer in length (is {rows.Count})");
        }

        for (var i = 0; i < rows.Count; i++)
        {
            var path = $"components.{i}";
            if (rows[i] is not JsonObject row || Integer(row["type"]) != 1)
            {
                v.Add($"{path}: a top-level component must be an action row (type 1) without IS_COMPONENTS_V2");
                continue;
            }

            Walk(row, path, customIds, v);
        }
    }

    /// <summary>Checks one component and its children; returns how many components it holds, itself included.</summary>
    private static int Walk(JsonNode? node, string path, HashSet<string> customIds, List<string> v)
    {
        if (node is not JsonObject c)
        {
            v.Add($"{path}: must be an object");
            return 0;
        }

        var count = 1;
        var type = Integer(c["type"]);
        switch (type)
        {
            case 1:
                if (c["components"] is not JsonArray children || children.Count == 0)
                {
                    v.Add($"{path}.components: an action row needs 1 to {DiscordLimits.ButtonsPerRow} components");
                    break;
                }

                var selects = children.OfType<JsonObject>().Count(x => Integer(x["type"]) is 3 or 5 or 6 or 7 or 8);
                if (selects > 0 && children.Count != 1)
                {
                    v.Add($"{path}.components: an action row holds exactly one select, or up to {DiscordLimits.ButtonsPerRow} buttons");
                }
                else if (children.Count > DiscordLimits.ButtonsPerRow)
                {
                    v.Add($"{path}.components: must be {DiscordLimits.ButtonsPerRow} or fewer in length (is {children.Count})");
                }

                for (var i = 0; i < children.Count; i++)
                {
                    var childType = Integer((children[i] as JsonObject)?["type"]);
                    if (childType is not (2 or 3 or 5 or 6 or 7 or 8))
                    {
                        v.Add($"{path}.components.{i}: an action row holds buttons or selects only");
                    }

                    count += Walk(children[i], $"{path}.components.{i}", customIds, v);
                }

                break;
            case 2:
                CheckButton(c, path, customIds, v);
                break;
            case 3 or 5 or 6 or 7 or 8:
                CheckSelect(c, (int)type.Value, path, customIds, v);
                break;
            case null:
                v.Add($"{path}.type: required");
                break;
            default:
                // Components V2 containers: count and check what they hold.
                if (c["components"] is JsonArray nested)
                {
                    for (var i = 0; i < nested.Count; i++)
                    {
                        count += Walk(nested[i], $"{path}.components.{i}", customIds, v);
                    }
                }

                if (c["accessory"] is JsonObject accessory)
                {
                    count += Walk(accessory, $"{path}.accessory", customIds, v);
                }

                break;
        }

        return count;
    }

    private static void CheckButton(JsonObject b, string path, HashSet<string> customIds, List<string> v)
    {
        var style = Integer(b["style"]);
        var label = Text(b, "label", v, $"{path}.label");
        var customId = Text(b, "custom_id", v, $"{path}.custom_id");
        MaxLength(v, $"{path}.label", label, DiscordLimits.ButtonLabelLength);
        switch (style)
        {
            case >= 1 and <= 4:
                CustomId(customId, $"{path}.custom_id", customIds, v);
                if (string.IsNullOrEmpty(label) && b["emoji"] is null)
                {
                    v.Add($"{path}.label: a button needs a label or an emoji");
                }

                break;
            case 5:
                var url = Text(b, "url", v, $"{path}.url");
                if (string.IsNullOrEmpty(url))
                {
                    v.Add($"{path}.url: a link button needs a url");
                }

                MaxLength(v, $"{path}.url", url, DiscordLimits.LinkUrlLength);
                if (customId is not null)
                {
                    v.Add($"{path}.custom_id: a link button cannot have a custom_id");
                }

                break;
            case 6:
                if (b["sku_id"] is null)
                {
                    v.Add($"{path}.sku_id: a premium button needs a sku_id");
                }

                if (customId is not null || label is not null)
                {
                    v.Add($"{path}: a premium button has no label or custom_id");
                }

                break;
            default:
                v.Add($"{path}.style: must be 1 to 6");
                break;
        }
    }

    private static void CheckSelect(JsonObject s, int type, string path, HashSet<string> customIds, List<string> v)
    {
        CustomId(Text(s, "custom_id", v, $"{path}.custom_id"), $"{path}.custom_id", customIds, v);
        MaxLength(v, $"{path}.placeholder", Text(s, "placeholder", v, $"{path}.placeholder"), DiscordLimits.SelectPlaceholderLength);
        var min = Integer(s["min_values"]);
        var max = Integer(s["max_values"]);
        if (min is < 0 or > DiscordLimits.SelectMaxValues)
        {
            v.Add($"{path}.min_values: must be 0 to {DiscordLimits.SelectMaxValues}");
        }

        if (max is < 1 or > DiscordLimits.SelectMaxValues)
        {
            v.Add($"{path}.max_values: must be 1 to {DiscordLimits.SelectMaxValues}");
        }

        if (min is { } lo && max is { } hi && lo > hi)
        {
            v.Add($"{path}.min_values: greater than max_values");
        }

        if (type != 3)
        {
            return;
        }

        if (s["options"] is not JsonArray options || options.Count == 0)
        {
            v.Add($"{path}.options: a string select needs 1 to {DiscordLimits.SelectOptions} options");
            return;
        }

        if (options.Count > DiscordLimits.SelectOptions)
        {
            v.Add($"{path}.options: must be {DiscordLimits.SelectOptions} or fewer in length (is {options.Count})");
        }

        for (var i = 0; i < options.Count; i++)
        {
            var optionPath = $"{path}.options.{i}";
            if (options[i] is not JsonObject o)
            {
                v.Add($"{optionPath}: must be an object");
                continue;
            }

            MaxLength(v, $"{optionPath}.label", Required(v, $"{optionPath}.label", Text(o, "label", v, $"{optionPath}.label")), DiscordLimits.SelectOptionTextLength);
            MaxLength(v, $"{optionPath}.value", Required(v, $"{optionPath}.value", Text(o, "value", v, $"{optionPath}.value")), DiscordLimits.SelectOptionTextLength);
            MaxLength(v, $"{optionPath}.description", Text(o, "description", v, $"{optionPath}.description"), DiscordLimits.SelectOptionTextLength);
        }
    }

    private static void CustomId(string? id, string path, HashSet<string> seen, List<string> v)
    {
        if (string.IsNullOrEmpty(id))
        {
            v.Add($"{path}: required, 1 to {DiscordLimits.CustomIdLength} characters");
            return;
        }

        MaxLength(v, path, id, DiscordLimits.CustomIdLength);
        if (!seen.Add(id))
        {
            v.Add($"{path}: '{id}' is used twice; custom_ids must be unique within a message");
        }
    }

    private static void CheckAllowedMentions(JsonNode? node, List<string> v)
    {
        if (node is null)
        {
            return;
        }

        if (node is not JsonObject mentions)
        {
            v.Add("allowed_mentions: must be an object");
            return;
        }

        var parse = new HashSet<string>(StringComparer.Ordinal);
        if (mentions["parse"] is { } parseNode)
        {
            if (parseNode is not JsonArray items)
            {
                v.Add("allowed_mentions.parse: must be an array");
            }
            else
            {
                for (var i = 0; i < items.Count; i++)
                {
                    if (Str(items[i]) is not { } kind || !MentionKinds.Contains(kind))
                    {
                        v.Add($"allowed_mentions.parse.{i}: must be users, roles or everyone");
                    }
                    else
                    {
                        parse.Add(kind);
                    }
                }
            }
        }

        foreach (var kind in new[] { "users", "roles" })
        {
            if (mentions[kind] is not { } listNode)
            {
                continue;
            }

            if (listNode is not JsonArray list)
            {
                v.Add($"allowed_mentions.{kind}: must be an array");
                continue;
            }

            if (list.Count > DiscordLimits.AllowedMentionIds)
            {
                v.Add($"allowed_mentions.{kind}: must be {DiscordLimits.AllowedMentionIds} or fewer in length (is {list.Count})");
            }

            if (list.Count > 0 && parse.Contains(kind))
            {
                v.Add($"allowed_mentions: parse cannot contain {kind} when allowed_mentions.{kind} lists ids");
            }
        }
    }

    private static void CheckAttachments(JsonNode? node, List<string> v)
    {
        if (node is null)
        {
            return;
        }

        if (node is not JsonArray attachments)
        {
            v.Add("attachments: must be an array");
            return;
        }

        if (attachments.Count > DiscordLimits.AttachmentsPerMessage)
        {
            v.Add($"attachments: must be {DiscordLimits.AttachmentsPerMessage} or fewer in length (is {attachments.Count})");
        }

        var ids = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < attachments.Count; i++)
        {
            var path = $"attachments.{i}";
            if (attachments[i] is not JsonObject a)
            {
                v.Add($"{path}: must be an object");
                continue;
            }

            var id = a["id"] is { } idNode && idNode.GetValueKind() is JsonValueKind.Number or JsonValueKind.String ? idNode.ToJsonString() : null;
            if (id is null)
            {
                v.Add($"{path}.id: required");
            }
            else if (!ids.Add(id.Trim('"')))
            {
                v.Add($"{path}.id: {id} is used twice");
            }

            if (a.ContainsKey("filename"))
            {
                Required(v, $"{path}.filename", Text(a, "filename", v, $"{path}.filename"));
            }

            MaxLength(v, $"{path}.description", Text(a, "description", v, $"{path}.description"), DiscordLimits.AttachmentDescriptionLength);
        }
    }

    /// <summary>The string at <paramref name="key"/>, null when absent or JSON null; a violation when another type.</summary>
    private static string? Text(JsonObject o, string key, List<string> v, string path)
    {
        var node = o[key];
        if (node is null)
        {
            return null;
        }

        var s = Str(node);
        if (s is null)
        {
            v.Add($"{path}: must be a string");
        }

        return s;
    }

    private static string? Str(JsonNode? node) =>
        node is JsonValue value && value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : null;

    private static long? Integer(JsonNode? node)
    {
        if (node is not JsonValue value || value.GetValueKind() != JsonValueKind.Number)
        {
            return null;
        }

        return long.TryParse(value.ToJsonString(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n : null;
    }

    private static string? Required(List<string> v, string path, string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            v.Add($"{path}: required, and not blank");
        }

        return text;
    }

    private static string? MaxLength(List<string> v, string path, string? text, int max)
    {
        if (text is not null && text.Length > max)
        {
            v.Add($"{path}: must be {max} or fewer in length (is {text.Length})");
        }

        return text;
    }

    /// <summary>What counts toward the 6,000-character total: the text without leading and trailing whitespace.</summary>
    private static int Counted(string? text) => text?.Trim().Length ?? 0;
}
