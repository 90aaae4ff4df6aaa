using System.Globalization;
using System.Text;
using ChatOpsBot.Runbooks.Causes;
using ChatOpsBot.Runbooks.Rendering;

namespace ChatOpsBot.Discord.Sessions;

/// <summary>A session as a post-incident Markdown timeline: who started it, the runbook's steps, every click,
/// then the full report.</summary>
public static class SessionTranscript
{
    public static string ToMarkdown(DiagnosisSession s)
    {
        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture, $"# Session {s.Id}: {s.Request.Symptom} on {s.Request.LoadBalancer}\n\n");
        sb.Append(CultureInfo.InvariantCulture, $"- **Started by:** {SessionEvent(s.StartedBy)} at {Time(s.CreatedAt)} UTC\n");
        sb.Append(CultureInfo.InvariantCulture, $"- **Where:** guild {s.GuildId ?? "(DM)"}, channel {s.ChannelId ?? "?"}\n");
        sb.Append(CultureInfo.InvariantCulture, $"- **Region:** {s.Request.Region}\n");
        sb.Append(CultureInfo.InvariantCulture, $"- **State:** {s.State.ToString().ToLowerInvariant()}\n");
        if (s.Report is { } r)
        {
            sb.Append(CultureInfo.InvariantCulture, $"- **Root cause:** `{r.RootCause.ToWire()}`\n");
            sb.Append(CultureInfo.InvariantCulture, $"- **Time to diagnosis:** {r.Duration.TotalSeconds:0.0} s\n");
        }

        if (s.Marks.ResolvedAt is { } resolved)
        {
            sb.Append(CultureInfo.InvariantCulture, $"- **Time to resolution:** {(resolved - s.CreatedAt).TotalMinutes:0} min (resolved by {s.Marks.ResolvedBy})\n");
        }

        sb.Append("\n## Timeline\n\n| Time (UTC) | Who | What |\n|---|---|---|\n");
        var rows = s.Events.Select(e => (e.At, e.Who, e.What))
            .Concat((s.Report?.Steps ?? []).Select(t => (t.At, Who: "runbook", What: $"{t.From} → {t.To}{(t.Guard is { } g ? $" ({g})" : string.Empty)}{(t.Note is { } n ? $": {n}" : string.Empty)}")))
            .OrderBy(x => x.At);
        foreach (var (at, who, what) in rows)
        {
            sb.Append(CultureInfo.InvariantCulture, $"| {Time(at)} | {Cell(who)} | {Cell(what)} |\n");
        }

        if (s.Report is { } report)
        {
            sb.Append('\n').Append(ReportMarkdown.Write(report));
        }

        return sb.ToString();
    }

    private static string SessionEvent(Interactions.DiscordUser u) => DiagnosisSession.Who(u);

    private static string Time(DateTimeOffset t) => t.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);

    private static string Cell(string text) => text.Replace("|", "\\|", StringComparison.Ordinal).Replace("\n", " ", StringComparison.Ordinal);
}
