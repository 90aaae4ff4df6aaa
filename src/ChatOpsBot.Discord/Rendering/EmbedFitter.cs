using ChatOpsBot.Runbooks.Messaging;

namespace ChatOpsBot.Discord.Rendering;

/// <summary>
/// Fits a neutral message into one embed within every Discord limit. Essential fields are kept (cut at a line
/// boundary when one alone exceeds 1,024 characters); optional fields follow, in order, while the 6,000-character
/// total allows. When even the essentials do not fit, the footer, the lead and the field names are shortened in
/// turn, and then every essential value is capped at the same length, the largest that fits.
/// </summary>
internal static class EmbedFitter
{
    private const string ParagraphBreak = "\n\n";

    /// <summary>Shortening steps tried in order: footer, lead and field-name caps.</summary>
    private static readonly (int Footer, int Lead, int Name)[] Steps =
    [
        (DiscordLimits.EmbedFooterLength, DiscordLimits.EmbedDescriptionLength, DiscordLimits.EmbedFieldNameLength),
        (256, DiscordLimits.EmbedDescriptionLength, DiscordLimits.EmbedFieldNameLength),
        (256, 1024, DiscordLimits.EmbedFieldNameLength),
        (256, 1024, 64),
        (128, 256, 64),
    ];

    /// <param name="note">A line for the end of the description (the attachment notice), never cut; or null.</param>
    /// <param name="commandCutMarker">The shell comment a cut command ends with.</param>
    public static FittedEmbed Fit(ChatMessage message, string? note, string commandCutMarker)
    {
        var shortened = false;
        var title = TextCutter.Cut(TextCutter.Clean(message.Title), DiscordLimits.EmbedTitleLength, ref shortened);
        var lead = TextCutter.Clean(message.Lead);
        var footer = TextCutter.Clean(message.Footer);
        note = note is null ? null : TextCutter.Clean(note);

        var candidates = message.Fields.Select((f, i) => new Candidate(i, f, TextCutter.Clean(f.Name), TextCutter.Clean(f.Value))).ToList();
        var essentials = candidates.Where(c => c.Field.Essential).ToList();
        if (essentials.Count > DiscordLimits.EmbedFields)
        {
            essentials = essentials.Take(DiscordLimits.EmbedFields).ToList();
            shortened = true;
        }

        foreach (var step in Steps)
        {
            var attempt = Compose(title, lead, footer, note, essentials, step, DiscordLimits.EmbedFieldValueLength, commandCutMarker);
            if (attempt.Embed.Length <= DiscordLimits.EmbedTotalLength)
            {
                return AddOptional(attempt, candidates, step.Name, commandCutMarker, shortened);
            }
        }

        // Still too long: cap every essential value at the largest common length that fits, dropping essentials
        // from the end only if even one character each is too much.
        var last = Steps[^1];
        while (true)
        {
            var fixedPart = Compose(title, lead, footer, note, [], last, 0, commandCutMarker).Embed.Length;
            var names = essentials.Sum(e => NameOf(e, last.Name, out _).Length);
            var available = DiscordLimits.EmbedTotalLength - fixedPart - names;
            var natural = essentials.Select(e => Math.Min(ValueOf(e, DiscordLimits.EmbedFieldValueLength, commandCutMarker, out _).Length, DiscordLimits.EmbedFieldValueLength)).ToArray();
            if (available >= natural.Sum(n => Math.Min(n, 1)))
            {
                var low = 1;
                var high = DiscordLimits.EmbedFieldValueLength;
                while (low < high)
                {
                    var mid = (low + high + 1) / 2;
                    if (natural.Sum(n => Math.Min(n, mid)) <= available)
                    {
                        low = mid;
                    }
                    else
                    {
                        high = mid - 1;
                    }
                }

                var attempt = Compose(title, lead, footer, note, essentials, last, low, commandCutMarker);
                if (attempt.Embed.Length <= DiscordLimits.EmbedTotalLength)
                {
                    return AddOptional(attempt, candidates, last.Name, commandCutMarker, true);
                }
            }

            if (essentials.Count == 0)
            {
                // Unreachable with the caps above (256 + 256 + 128 + a short note), kept as a guarantee.
                return new FittedEmbed(TextCutter.Cut(title, 256, ref shortened), TextCutter.Cut(lead, 1024, ref shortened), [], null, true);
            }

            essentials.RemoveAt(essentials.Count - 1);
        }
    }

    private static Composition Compose(
        string title,
        string lead,
        string footer,
        string? note,
        IReadOnlyList<Candidate> essentials,
        (int Footer, int Lead, int Name) caps,
        int valueCap,
        string commandCutMarker)
    {
        var cut = false;
        var noteCost = note is null ? 0 : note.Length + (lead.Length > 0 ? ParagraphBreak.Length : 0);
        var leadCap = Math.Min(caps.Lead, DiscordLimits.EmbedDescriptionLength - noteCost);
        var shortLead = TextCutter.Cut(lead, leadCap, ref cut);
        var description = note is null ? shortLead
            : shortLead.Length == 0 ? note
            : shortLead + ParagraphBreak + note;
        var shortFooter = TextCutter.Cut(footer, Math.Min(caps.Footer, DiscordLimits.EmbedFooterLength), ref cut);
        var fields = new List<(int Index, FittedField Field)>();
        foreach (var e in essentials)
        {
            var name = NameOf(e, caps.Name, out var nameCut);
            var value = ValueOf(e, valueCap, commandCutMarker, out var valueCut);
            cut |= nameCut || valueCut;
            fields.Add((e.Index, new FittedField(name, value, e.Field.Inline)));
        }

        var embed = new FittedEmbed(
            title.Length > 0 ? title : null,
            description.Length > 0 ? description : null,
            fields.Select(f => f.Field).ToArray(),
            shortFooter.Length > 0 ? shortFooter : null,
            cut);
        return new Composition(embed, fields);
    }

    private static FittedEmbed AddOptional(Composition essentials, IReadOnlyList<Candidate> candidates, int nameCap, string commandCutMarker, bool shortened)
    {
        var embed = essentials.Embed;
        shortened |= embed.Shortened;
        var total = embed.Length;
        var chosen = new List<(int Index, FittedField Field)>(essentials.Fields);
        foreach (var c in candidates.Where(c => !c.Field.Essential))
        {
            var name = NameOf(c, nameCap, out var nameCut);
            var value = ValueOf(c, DiscordLimits.EmbedFieldValueLength, commandCutMarker, out var valueCut);
            var cost = name.Length + value.Length;
            if (chosen.Count < DiscordLimits.EmbedFields && total + cost <= DiscordLimits.EmbedTotalLength)
            {
                chosen.Add((c.Index, new FittedField(name, value, c.Field.Inline)));
                total += cost;
                shortened |= nameCut || valueCut;
            }
            else
            {
                shortened = true;
            }
        }

        // Essential fields dropped by the 25-field cap count as shortened too (set by the caller).
        var fields = chosen.OrderBy(f => f.Index).Select(f => f.Field).ToArray();
        var title = embed.Title;
        var description = embed.Description;
        if (title is null && description is null && fields.Length == 0)
        {
            // Discord refuses an empty embed; say so rather than send nothing.
            description = "(empty message)";
        }

        return embed with { Title = title, Description = description, Fields = fields, Shortened = shortened };
    }

    private static string NameOf(Candidate c, int cap, out bool cut)
    {
        cut = false;
        var name = c.Name.Replace('\n', ' ');
        name = TextCutter.Cut(name, cap, ref cut);
        return name.Length > 0 ? name : TextCutter.Placeholder;
    }

    private static string ValueOf(Candidate c, int cap, string commandCutMarker, out bool cut)
    {
        cut = false;
        cap = Math.Min(cap, DiscordLimits.EmbedFieldValueLength);
        var value = c.Field.Format == ChatFieldFormat.Command && c.Value.Length > 0
            ? TextCutter.CodeBlock(c.Value, cap, commandCutMarker, ref cut)
            : TextCutter.Cut(c.Value, cap, ref cut);
        return value.Length > 0 ? value : TextCutter.Placeholder;
    }

    private sealed record Candidate(int Index, ChatField Field, string Name, string Value);

    private sealed record Composition(FittedEmbed Embed, IReadOnlyList<(int Index, FittedField Field)> Fields);
}
