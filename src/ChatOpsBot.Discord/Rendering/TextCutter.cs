using System.Globalization;

namespace ChatOpsBot.Discord.Rendering;

/// <summary>
/// Shortens text to a number of UTF-16 code units without splitting a character (surrogate pairs, emoji sequences),
/// preferring a line boundary, then a word boundary. Every result is trimmed, so what is counted is what Discord counts.
/// </summary>
internal static class TextCutter
{
    public const string Ellipsis = "…";
    public const string Placeholder = "—";

    private const string CodeOpen = "```sh\n";
    private const string CodeClose = "\n```";
    private const string Fence = "```";

    /// <summary>Line endings normalised to <c>\n</c>, leading and trailing whitespace removed; null becomes empty.</summary>
    public static string Clean(string? text) =>
        text is null ? string.Empty : text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n').Trim();

    /// <summary>At most <paramref name="max"/> characters. A cut at a line boundary ends with
    /// "… N more lines"; any other cut ends with "…".</summary>
    public static string Cut(string text, int max, ref bool cut)
    {
        if (text.Length <= max)
        {
            return text;
        }

        cut = true;
        if (max <= 0)
        {
            return string.Empty;
        }

        if (max == 1)
        {
            return Ellipsis;
        }

        var lines = 1 + text.AsSpan().Count('\n');
        var suffixMax = LinesSuffix(lines).Length;
        var lineLimit = max - suffixMax;
        if (lines > 1 && lineLimit >= max / 2)
        {
            var nl = text.LastIndexOf('\n', Math.Min(lineLimit, text.Length - 1));
            if (nl >= max / 2)
            {
                var prefix = text[..nl].TrimEnd();
                var dropped = text.AsSpan(nl + 1).Count('\n') + 1;
                if (prefix.Length > 0)
                {
                    return prefix + LinesSuffix(dropped);
                }
            }
        }

        return CutInLine(text, max - Ellipsis.Length, string.Empty) + Ellipsis;
    }

    /// <summary>A command as a <c>sh</c> code block of at most <paramref name="max"/> characters. A cut command keeps
    /// its closing fence, ends in a stray "…" argument (so a pasted fragment is refused rather than run), and says
    /// where the whole command is.</summary>
    public static string CodeBlock(string command, int max, string cutMarker, ref bool cut)
    {
        var body = Clean(command);
        if (body.Contains(Fence, StringComparison.Ordinal))
        {
            // A fence inside the command would end the block early; break it with zero-width spaces.
            body = body.Replace(Fence, "`\u200b`\u200b`", StringComparison.Ordinal);
            cut = true;
        }

        var full = CodeOpen + body + CodeClose;
        if (full.Length <= max)
        {
            return full;
        }

        cut = true;
        var marker = "\n# " + cutMarker;
        var room = max - CodeOpen.Length - CodeClose.Length - marker.Length;
        if (room < 16)
        {
            return Cut("(the command is too long to show here)", max, ref cut);
        }

        string kept;
        var limit = room - 2;
        var nl = body.LastIndexOf('\n', Math.Min(limit, body.Length - 1));
        if (nl >= limit / 2)
        {
            kept = body[..nl].TrimEnd() + "\n" + Ellipsis;
        }
        else
        {
            kept = CutInLine(body, limit, " ") + Ellipsis;
        }

        return CodeOpen + kept + marker + CodeClose;
    }

    /// <summary>The longest prefix of at most <paramref name="limit"/> characters ending at a word boundary in the
    /// second half (followed by <paramref name="wordSeparator"/>), else at a character boundary.</summary>
    private static string CutInLine(string text, int limit, string wordSeparator)
    {
        if (limit <= 0)
        {
            return string.Empty;
        }

        var boundary = ElementBoundary(text, limit);
        for (var i = boundary; i >= limit / 2 && i > 0; i--)
        {
            if (i < text.Length && char.IsWhiteSpace(text[i]))
            {
                var prefix = text[..i].TrimEnd();
                if (prefix.Length > 0 && prefix.Length + wordSeparator.Length <= limit)
                {
                    return prefix + wordSeparator;
                }
            }
        }

        return text[..boundary].TrimEnd();
    }

    /// <summary>The largest text-element boundary at or before <paramref name="limit"/>.</summary>
    private static int ElementBoundary(string text, int limit)
    {
        var position = 0;
        while (position < text.Length)
        {
            var length = StringInfo.GetNextTextElementLength(text, position);
            if (position + length > limit)
            {
                break;
            }

            position += length;
        }

        if (position == 0 && limit > 0)
        {
            // A single element longer than the limit (a long combining sequence): split it, but never a surrogate pair.
            position = Math.Min(limit, text.Length);
            if (position > 0 && char.IsHighSurrogate(text[position - 1]))
            {
                position--;
            }
        }

        return position;
    }

    private static string LinesSuffix(int lines) =>
        string.Create(CultureInfo.InvariantCulture, $"\n{Ellipsis} {lines} more {(lines == 1 ? "line" : "lines")}");
}
