using System.Text;
using System.Text.Json.Nodes;
using ChatOpsBot.Discord.Components;
using ChatOpsBot.Discord.Rest;
using ChatOpsBot.Runbooks.Messaging;

namespace ChatOpsBot.Discord.Rendering;

/// <summary>
/// The only place that turns the core's neutral <see cref="ChatMessage"/> into Discord JSON: a legacy message (not
/// Components V2) with one embed, action rows of buttons, <c>allowed_mentions: {"parse": []}</c>, and the full
/// report as a Markdown file when the embed had to be shortened. Whatever the input, the result is within every
/// limit <see cref="DiscordMessageValidator"/> checks. Charts (<see cref="ChatMessage.Images"/>) are shown in the
/// embeds and uploaded with the message, or kept by id when the message already has them.
/// </summary>
/// <remarks>The payload describes the whole message: <c>components</c> and <c>attachments</c> are always present
/// (possibly empty), so an edit removes buttons and files the new state no longer has, and keeps exactly the
/// pictures it lists by id.</remarks>
public static class DiscordRenderer
{
    public const int DangerColor = 0xED4245;
    public const int WarningColor = 0xF0B232;
    public const int SuccessColor = 0x57F287;
    public const int ProgressColor = 0x5865F2;
    public const int NeutralColor = 0x99AAB5;

    public const string MarkdownContentType = "text/markdown; charset=utf-8";
    public const string PngContentType = "image/png";

    /// <summary>How an embed refers to a file attached to the same message.</summary>
    public const string AttachmentScheme = "attachment://";

    private const string CutWithReport = "cut to fit: the full command is in the attached report";
    private const string CutWithoutReport = "cut to fit";
    private const int MaxFileNameLength = 100;

    /// <param name="existing">The attachments the message has now (an edit): a picture whose file is among them is kept
    /// by id instead of uploaded again, and still shown through <c>attachment://</c>.</param>
    public static DiscordMessagePayload Render(ChatMessage message, string sessionId, bool ephemeral = false, IReadOnlyList<DiscordAttachment>? existing = null)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(sessionId);

        var report = message.FullReport;
        var fileName = report is null ? null : FileName(report.FileName);
        var marker = report is null ? CutWithoutReport : CutWithReport;
        var embed = EmbedFitter.Fit(message, null, marker);
        var attach = report is not null && (embed.Shortened || message.AlwaysAttach);
        if (attach)
        {
            embed = EmbedFitter.Fit(message, $"📎 Full report attached: `{fileName}`", marker);
        }

        var main = Embed(embed, message.Tone);
        var embeds = new JsonArray(main);
        var json = new JsonObject
        {
            ["embeds"] = embeds,
            ["components"] = Components(message.Actions, sessionId),
            ["allowed_mentions"] = NoMentions(),
        };
        if (ephemeral)
        {
            json["flags"] = DiscordLimits.FlagEphemeral;
        }

        var files = new List<DiscordFile>();
        var attachments = new JsonArray();
        if (attach)
        {
            var cut = false;
            var title = TextCutter.Clean(message.Title);
            attachments.Add(new JsonObject
            {
                ["id"] = files.Count,
                ["filename"] = fileName,
                ["description"] = TextCutter.Cut(title.Length > 0 ? $"Full report: {title}" : "Full report", DiscordLimits.AttachmentDescriptionLength, ref cut),
            });
            files.Add(new DiscordFile(fileName!, FileBytes(report!.Content), MarkdownContentType));
        }

        AddImages(message, existing ?? [], main, embeds, attachments, files);
        json["attachments"] = attachments;
        return new DiscordMessagePayload(json, files);
    }

    /// <summary>
    /// The pictures: the first is the main embed's image, each further one an embed of its own holding only the image
    /// (no text, so the 6,000-character total is unchanged). A picture already on the message is kept by id; a new one
    /// is uploaded as <c>files[n]</c> with its alt text as the attachment's description. Pictures that would break a
    /// limit (10 embeds, 10 attachments, 10 MiB a file, 25 MiB a request) or that have neither bytes nor a kept file
    /// are left out, as are files Discord cannot show in an embed.
    /// </summary>
    private static void AddImages(ChatMessage message, IReadOnlyList<DiscordAttachment> existing, JsonObject main, JsonArray embeds, JsonArray attachments, List<DiscordFile> files)
    {
        var bytes = files.Sum(f => (long)f.Content.Length);
        var names = new HashSet<string>(files.Select(f => f.FileName), StringComparer.Ordinal);
        var shown = 0;
        foreach (var image in message.Images ?? [])
        {
            if (shown > 0 && embeds.Count >= DiscordLimits.EmbedsPerMessage)
            {
                break;
            }

            if (attachments.Count >= DiscordLimits.AttachmentsPerMessage)
            {
                break;
            }

            var name = FileName(image.FileName);
            if (!EmbeddableImage(name) || !names.Add(name))
            {
                continue;
            }

            if (existing.FirstOrDefault(a => string.Equals(a.FileName, name, StringComparison.Ordinal)) is { } kept)
            {
                attachments.Add(new JsonObject { ["id"] = kept.Id });
            }
            else if (image.Png is { } png && png.Length > 0 && png.Length <= DiscordLimits.FileBytes && bytes + png.Length <= DiscordLimits.RequestFileBytes)
            {
                var cut = false;
                attachments.Add(new JsonObject
                {
                    ["id"] = files.Count,
                    ["filename"] = name,
                    ["description"] = TextCutter.Cut(TextCutter.Clean(image.Description), DiscordLimits.AttachmentDescriptionLength, ref cut),
                });
                files.Add(new DiscordFile(name, png, PngContentType));
                bytes += png.Length;
            }
            else
            {
                continue;
            }

            var picture = new JsonObject { ["url"] = AttachmentScheme + name };
            if (shown == 0)
            {
                main["image"] = picture;
            }
            else
            {
                embeds.Add(new JsonObject { ["color"] = main["color"]?.DeepClone(), ["image"] = picture });
            }

            shown++;
        }
    }

    /// <summary>Discord shows <c>attachment://</c> images only for these extensions (reference §2).</summary>
    public static bool EmbeddableImage(string fileName) =>
        Path.GetExtension(fileName).ToLowerInvariant() is ".png" or ".jpg" or ".jpeg" or ".webp" or ".gif";

    /// <summary>A short answer only the person who asked sees (refusals, stale buttons, errors).</summary>
    public static DiscordMessagePayload Notice(string title, string text, MessageTone tone = MessageTone.Warning) =>
        Render(DiagnosisMessages.Notice(title, text, tone), sessionId: string.Empty, ephemeral: true);

    /// <summary>The <c>data</c> of an autocomplete result (callback type 8): at most 25 distinct choices whose name
    /// is also the value. A name longer than 100 characters cannot be offered (a cut value would name nothing) and is
    /// skipped, as are blanks.</summary>
    public static JsonObject Choices(IEnumerable<string> names)
    {
        ArgumentNullException.ThrowIfNull(names);
        var choices = new JsonArray();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var raw in names)
        {
            var name = raw?.Trim();
            if (string.IsNullOrEmpty(name) || name.Length > Math.Min(DiscordLimits.ChoiceNameLength, DiscordLimits.ChoiceValueLength) || !seen.Add(name))
            {
                continue;
            }

            choices.Add(new JsonObject { ["name"] = name, ["value"] = name });
            if (choices.Count == DiscordLimits.AutocompleteChoices)
            {
                break;
            }
        }

        return new JsonObject { ["choices"] = choices };
    }

    public static int Color(MessageTone tone) => tone switch
    {
        MessageTone.Danger => DangerColor,
        MessageTone.Warning => WarningColor,
        MessageTone.Success => SuccessColor,
        MessageTone.Progress => ProgressColor,
        _ => NeutralColor,
    };

    private static JsonObject NoMentions() => new() { ["parse"] = new JsonArray() };

    private static JsonObject Embed(FittedEmbed embed, MessageTone tone)
    {
        var json = new JsonObject();
        if (embed.Title is { } title)
        {
            json["title"] = title;
        }

        if (embed.Description is { } description)
        {
            json["description"] = description;
        }

        json["color"] = Color(tone);
        if (embed.Fields.Count > 0)
        {
            var fields = new JsonArray();
            foreach (var f in embed.Fields)
            {
                var field = new JsonObject { ["name"] = f.Name, ["value"] = f.Value };
                if (f.Inline)
                {
                    field["inline"] = true;
                }

                fields.Add(field);
            }

            json["fields"] = fields;
        }

        if (embed.Footer is { } footer)
        {
            json["footer"] = new JsonObject { ["text"] = footer };
        }

        return json;
    }

    private static JsonArray Components(IReadOnlyList<ChatAction> actions, string sessionId)
    {
        var rows = new JsonArray();
        var seen = new HashSet<ChatActionKind>();
        var buttons = actions
            .Where(a => seen.Add(a.Kind)) // one custom_id per action kind: a second button would repeat it
            .Take(DiscordLimits.ActionRows * DiscordLimits.ButtonsPerRow);
        foreach (var row in buttons.Chunk(DiscordLimits.ButtonsPerRow))
        {
            var components = new JsonArray();
            foreach (var a in row)
            {
                var cut = false;
                var label = TextCutter.Cut(TextCutter.Clean(a.Label).Replace('\n', ' '), DiscordLimits.ButtonLabelLength, ref cut);
                var button = new JsonObject
                {
                    ["type"] = 2,
                    ["style"] = Style(a.Style),
                    ["label"] = label.Length > 0 ? label : a.Kind.ToString(),
                    ["custom_id"] = CustomIdCodec.Encode(new ButtonCommand(a.Kind, sessionId)),
                };
                if (a.Disabled)
                {
                    button["disabled"] = true;
                }

                components.Add(button);
            }

            rows.Add(new JsonObject { ["type"] = 1, ["components"] = components });
        }

        return rows;
    }

    private static int Style(ChatActionStyle style) => style switch
    {
        ChatActionStyle.Primary => 1,
        ChatActionStyle.Success => 3,
        ChatActionStyle.Danger => 4,
        _ => 2,
    };

    /// <summary>Letters, digits, '.', '_' and '-' only (no path, no backtick to break the notice), at most 100.</summary>
    private static string FileName(string name)
    {
        var sb = new StringBuilder(name.Length);
        foreach (var c in name.Trim())
        {
            sb.Append(char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-' ? c : '-');
        }

        var safe = sb.ToString().Trim('.');
        if (safe.Length == 0)
        {
            return "report.md";
        }

        if (safe.Length > MaxFileNameLength)
        {
            var extension = Path.GetExtension(safe);
            extension = extension.Length is > 0 and <= 10 ? extension : string.Empty;
            safe = safe[..(MaxFileNameLength - extension.Length)] + extension;
        }

        return safe;
    }

    /// <summary>UTF-8, cut at a character boundary to Discord's default 10 MiB per file, saying so at the end.</summary>
    private static byte[] FileBytes(string content)
    {
        var bytes = Encoding.UTF8.GetBytes(content);
        if (bytes.LongLength <= DiscordLimits.FileBytes)
        {
            return bytes;
        }

        var trailer = Encoding.UTF8.GetBytes("\n\n… (cut: the report is larger than Discord's 10 MiB file limit)\n");
        var room = DiscordLimits.FileBytes - trailer.Length;
        var end = (int)room;
        while (end > 0 && (bytes[end] & 0xC0) == 0x80)
        {
            end--; // back to the start of a UTF-8 sequence
        }

        var result = new byte[end + trailer.Length];
        bytes.AsSpan(0, end).CopyTo(result);
        trailer.CopyTo(result.AsSpan(end));
        return result;
    }
}
