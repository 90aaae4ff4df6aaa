using System.Globalization;
using System.Text;
using System.Text.Json;
using ChatOpsBot.Runbooks.Causes;
using ChatOpsBot.Runbooks.Charts;
using ChatOpsBot.Runbooks.Findings;
using ChatOpsBot.Runbooks.Rendering;
using ChatOpsBot.Runbooks.Sessions;

namespace ChatOpsBot.Runbooks.Sessions.Export;

/// <summary>
/// A session as a post-incident timeline in Markdown: who started it, where and when; how long until the diagnosis
/// and until someone resolved it; the fix suggested; every transcript entry in order; the charts of the evidence
/// (as images next to the file, or named only); then the full report.
/// </summary>
public static class TranscriptMarkdown
{
    /// <param name="charts">The session's charts; a chart with a path is linked as an image, one without is named with
    /// how to get its PNG. Null or empty: no Charts section.</param>
    public static string Write(SessionRecord session, IReadOnlyList<TranscriptEntry> entries, IReadOnlyList<TranscriptChart>? charts = null)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(entries);
        var report = TryReadReport(session.ReportJson);
        var ordered = entries.OrderBy(e => e.Sequence).ToList();
        var started = ordered.FirstOrDefault(e => e.Kind == TranscriptEntryKind.Started)?.At ?? session.CreatedAt;
        var diagnosed = ordered.FirstOrDefault(e => e.Kind == TranscriptEntryKind.Outcome)?.At;

        var sb = new StringBuilder();
        sb.Append(Inv($"# Session {session.Id}: {session.Runbook} on {session.LoadBalancer}\n\n"));
        sb.Append(Inv($"- **Load balancer:** {session.LoadBalancer} ({session.Region}), looking back {session.WindowMinutes} min\n"));
        if (session.Account is { } account)
        {
            sb.Append(Inv($"- **Account:** {account}\n"));
        }

        sb.Append(Inv($"- **Runbook:** {session.Runbook}\n"));
        sb.Append(Inv($"- **Started by:** {Person(session.StartedByName, session.StartedById)} {Where(session)}\n"));
        sb.Append(Inv($"- **Started at:** {Utc(session.CreatedAt)}\n"));
        sb.Append(Inv($"- **Status:** {session.Status}{(session.FinishedAt is { } f ? ", finished " + Utc(f) : string.Empty)}\n"));
        if (session.RootCause is { } root)
        {
            sb.Append(Inv($"- **Root cause:** `{root}`\n"));
        }

        // Acknowledging and resolving are chat buttons: a terminal session shows them only if someone did.
        var chat = session.Source != "cli";
        if (chat || session.AcknowledgedBy is not null)
        {
            sb.Append(Inv($"- **Acknowledged:** {(session.AcknowledgedBy is { } ack ? $"by {ack} at {Utc(session.AcknowledgedAt)}" : "no")}\n"));
        }

        if (chat || session.ResolvedBy is not null)
        {
            sb.Append(Inv($"- **Resolved:** {(session.ResolvedBy is { } res ? $"by {res} at {Utc(session.ResolvedAt)}" : "no")}\n"));
        }

        sb.Append(Inv($"- **Time to diagnosis:** {(diagnosed is { } d ? Duration(d - started) : "not diagnosed")}\n"));
        if (chat || session.ResolvedAt is not null)
        {
            sb.Append(Inv($"- **Time to resolution:** {(session.ResolvedAt is { } r ? Duration(r - started) : "not resolved")}\n"));
        }

        sb.Append('\n');

        sb.Append("## Fix suggested\n\n");
        if (FindFix(ordered, report) is { } fix)
        {
            sb.Append(Inv($"{fix.Summary}\n\n```sh\n{fix.Command}\n```\n\n"));
            if (fix.Why.Length > 0)
            {
                sb.Append(Inv($"**Why it works:** {fix.Why}\n\n"));
            }
        }
        else
        {
            sb.Append("None: the session recorded no fix.\n\n");
        }

        sb.Append("## Timeline\n\n| Time (UTC) | Who | What |\n|---|---|---|\n");
        foreach (var e in ordered)
        {
            sb.Append(Inv($"| {e.At.UtcDateTime:yyyy-MM-dd HH:mm:ss.fff} | {Cell(e.Actor)} | {Kind(e.Kind)}: {Cell(e.Text)} |\n"));
        }

        if (ordered.Count == 0)
        {
            sb.Append("| | | no entries recorded |\n");
        }

        if (charts is { Count: > 0 })
        {
            WriteCharts(sb, session.Id, charts);
        }

        sb.Append("\n## Report\n\n");
        if (report is null)
        {
            sb.Append(session.ReportJson is null
                ? "The session did not finish: there is no report.\n"
                : "The stored report could not be read.\n");
        }
        else
        {
            sb.Append(Demote(ReportMarkdown.Write(report)));
        }

        return sb.ToString();
    }

    /// <summary>Charts whose PNGs sit in <paramref name="directory"/> (relative to the Markdown), named as
    /// <see cref="ChartImages.FileName"/> names them.</summary>
    public static IReadOnlyList<TranscriptChart> ChartsIn(string directory, IEnumerable<ChartSpec> charts) =>
        [.. charts.Select(c => new TranscriptChart(c, $"{directory.TrimEnd('/')}/{ChartImages.FileName(c)}"))];

    /// <summary>Charts attached next to the Markdown (same folder, as a chat attachment puts them).</summary>
    public static IReadOnlyList<TranscriptChart> AttachedCharts(IEnumerable<ChartSpec> charts) =>
        [.. charts.Select(c => new TranscriptChart(c, ChartImages.FileName(c)))];

    /// <summary>Charts named only (no PNG written, for example an export to standard output).</summary>
    public static IReadOnlyList<TranscriptChart> NamedCharts(IEnumerable<ChartSpec> charts) =>
        [.. charts.Select(c => new TranscriptChart(c, null))];

    private static void WriteCharts(StringBuilder sb, string sessionId, IReadOnlyList<TranscriptChart> charts)
    {
        sb.Append("\n## Charts\n\n");
        foreach (var chart in charts)
        {
            var spec = chart.Spec;
            sb.Append(Inv($"### {Line(spec.Title)}\n\n"));
            if (chart.RelativePath is { } path)
            {
                sb.Append(Inv($"![{AltText(ChartImages.Description(spec))}]({path.Replace(" ", "%20", StringComparison.Ordinal)})\n\n"));
            }
            else
            {
                sb.Append(Inv($"{Line(ChartImages.Description(spec))}\n\n"));
            }
        }

        if (charts.Any(c => c.RelativePath is null))
        {
            sb.Append(Inv($"The PNGs are not part of this text: `chatopsbot transcript export {sessionId} --format md --out DIR` writes them next to the Markdown.\n"));
        }
    }

    private static string Line(string text) => text.Replace("\r", string.Empty, StringComparison.Ordinal).Replace("\n", " ", StringComparison.Ordinal);

    /// <summary>Alt text inside <c>![…]</c>: one line, brackets and backslashes escaped.</summary>
    private static string AltText(string text) =>
        Line(text).Replace("\\", "\\\\", StringComparison.Ordinal).Replace("[", "\\[", StringComparison.Ordinal).Replace("]", "\\]", StringComparison.Ordinal);

    private static DiagnosisReport? TryReadReport(string? json)
    {
        try
        {
            return ReportJsonCodec.Deserialize(json);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>The Outcome entry's <c>fix</c> (what was shown at the time), else the report's root-cause fix.</summary>
    private static Fix? FindFix(IReadOnlyList<TranscriptEntry> entries, DiagnosisReport? report)
    {
        foreach (var e in entries.Where(e => e.Kind == TranscriptEntryKind.Outcome && e.DataJson is not null))
        {
            try
            {
                using var doc = JsonDocument.Parse(e.DataJson!);
                if (doc.RootElement.ValueKind == JsonValueKind.Object
                    && TryGet(doc.RootElement, "fix") is { ValueKind: JsonValueKind.Object } fix
                    && Text(fix, "summary") is { } summary)
                {
                    return new Fix(summary, Text(fix, "command") ?? string.Empty, Text(fix, "why") ?? string.Empty);
                }
            }
            catch (JsonException)
            {
                // Not ours to judge: fall back to the report.
            }
        }

        return report?.Finding(report.RootCause)?.Fix is { } reportFix && report.RootCause != CauseId.None ? reportFix : null;
    }

    private static JsonElement? TryGet(JsonElement obj, string name)
    {
        foreach (var p in obj.EnumerateObject())
        {
            if (string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase))
            {
                return p.Value;
            }
        }

        return null;
    }

    private static string? Text(JsonElement obj, string name) => TryGet(obj, name) is { ValueKind: JsonValueKind.String } v ? v.GetString() : null;

    private static string Person(string name, string? id) => id is null ? name : $"{name} ({id})";

    private static string Where(SessionRecord s) => s.Source switch
    {
        "discord" => $"in Discord, guild {s.GuildId ?? "(direct message)"}, channel {s.ChannelId ?? "?"}",
        "cli" => "from the terminal",
        _ => $"from {s.Source}",
    };

    private static string Kind(TranscriptEntryKind kind) => kind switch
    {
        TranscriptEntryKind.AwsCalls => "AWS calls",
        _ => kind.ToString(),
    };

    private static string Utc(DateTimeOffset? at) => at is { } a ? a.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture) : "?";

    /// <summary>"850 ms", "4.3 s", "12 min 5 s", "2 h 07 min", "3 d 4 h".</summary>
    internal static string Duration(TimeSpan t)
    {
        if (t < TimeSpan.Zero)
        {
            return "-" + Duration(-t);
        }

        return t.TotalSeconds < 1 ? Inv($"{t.TotalMilliseconds:0} ms")
            : t.TotalMinutes < 1 ? Inv($"{t.TotalSeconds:0.0} s")
            : t.TotalHours < 1 ? Inv($"{t.Minutes} min {t.Seconds} s")
            : t.TotalDays < 1 ? Inv($"{t.Hours} h {t.Minutes:00} min")
            : Inv($"{(int)t.TotalDays} d {t.Hours} h");
    }

    /// <summary>The report's headings one level down, so it nests under "## Report" (code blocks untouched).</summary>
    private static string Demote(string markdown)
    {
        var sb = new StringBuilder();
        var inCode = false;
        foreach (var line in markdown.Split('\n'))
        {
            if (line.StartsWith("```", StringComparison.Ordinal))
            {
                inCode = !inCode;
            }

            sb.Append(!inCode && line.StartsWith('#') ? "##" + line : line).Append('\n');
        }

        return sb.ToString().TrimEnd('\n') + "\n";
    }

    private static string Cell(string text) => text.Replace("|", "\\|", StringComparison.Ordinal).Replace("\r", string.Empty, StringComparison.Ordinal).Replace("\n", " ", StringComparison.Ordinal);

    private static string Inv(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
