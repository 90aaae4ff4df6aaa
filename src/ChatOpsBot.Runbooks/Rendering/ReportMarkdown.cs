using System.Globalization;
using System.Text;
using ChatOpsBot.Runbooks.Causes;
using ChatOpsBot.Runbooks.Findings;

namespace ChatOpsBot.Runbooks.Rendering;

/// <summary>The report as Markdown: for the CLI's <c>--output markdown</c>, chat attachments and transcripts.</summary>
public static class ReportMarkdown
{
    public static string Write(DiagnosisReport report)
    {
        var sb = new StringBuilder();
        var lb = report.LoadBalancer;
        sb.Append(CultureInfo.InvariantCulture, $"# {report.Runbook} diagnosis: {lb.Name}\n\n");
        sb.Append(CultureInfo.InvariantCulture, $"- **Load balancer:** {lb.Name}{(lb.Type is { } t ? $" ({t}{(lb.State is { } st ? ", " + st : string.Empty)})" : string.Empty)}\n");
        if (lb.Arn is { } arn)
        {
            sb.Append(CultureInfo.InvariantCulture, $"- **ARN:** `{arn}`\n");
        }

        sb.Append(CultureInfo.InvariantCulture, $"- **Region:** {report.Region}\n");
        if (report.Account is { } account)
        {
            sb.Append(CultureInfo.InvariantCulture, $"- **Account:** {account}\n");
        }

        sb.Append(CultureInfo.InvariantCulture, $"- **Run at:** {report.StartedAt.UtcDateTime:yyyy-MM-dd HH:mm:ss} UTC, looking back {(int)report.Window.TotalMinutes} min\n");
        sb.Append(CultureInfo.InvariantCulture, $"- **Took:** {report.Duration.TotalSeconds:0.00} s, {report.AwsCalls.Count} AWS calls\n\n");

        sb.Append(CultureInfo.InvariantCulture, $"## {(report.RootCause == CauseId.None ? "Result" : "Root cause: `" + report.RootCause.ToWire() + "`")}\n\n");
        sb.Append(report.Headline).Append("\n\n");
        if (report.Attribution is { } who)
        {
            sb.Append(CultureInfo.InvariantCulture, $"**Who produced the errors:** {who}\n\n");
        }

        if (report.Outcome == DiagnosisOutcome.Diagnosed)
        {
            sb.Append("| Cause | Status | Summary |\n|---|---|---|\n");
            foreach (var c in report.Causes)
            {
                sb.Append(CultureInfo.InvariantCulture, $"| `{c.Cause.ToWire()}` | {c.Status.ToWire()} | {Cell(c.Summary)} |\n");
            }

            sb.Append('\n');
            foreach (var c in Ordered(report))
            {
                var role = c.Cause == report.RootCause ? "root cause" : report.Contributing.Contains(c.Cause) ? "contributing" : c.Status.ToWire();
                sb.Append(CultureInfo.InvariantCulture, $"### `{c.Cause.ToWire()}` ({role})\n\n{c.Summary}\n\n");
                if (c.Evidence.Count > 0)
                {
                    sb.Append("Evidence:\n\n");
                    foreach (var f in c.Evidence)
                    {
                        sb.Append(CultureInfo.InvariantCulture, $"- {f.Text} _({f.Source})_\n");
                    }

                    sb.Append('\n');
                }

                if (c.Fix is { } fix && c.Status != CauseStatus.RuledOut)
                {
                    sb.Append(CultureInfo.InvariantCulture, $"**Fix:** {fix.Summary}\n\n```sh\n{fix.Command}\n```\n\n**Why it works:** {fix.Why}\n\n");
                }
            }
        }

        if (report.Gaps.Count > 0)
        {
            sb.Append("## What could not be checked\n\n");
            foreach (var g in report.Gaps)
            {
                sb.Append(CultureInfo.InvariantCulture, $"- {g.Step}: `{g.IamAction}` ({g.Kind}): {g.Message}\n");
            }

            sb.Append('\n');
        }

        if (report.Suggestions.Count > 0)
        {
            sb.Append("## Next steps\n\n");
            foreach (var s in report.Suggestions)
            {
                sb.Append(CultureInfo.InvariantCulture, $"- {s}\n");
            }

            sb.Append('\n');
        }

        if (report.Steps.Count > 0)
        {
            sb.Append("## Runbook steps\n\n| Time (UTC) | Step | Because | Found |\n|---|---|---|---|\n");
            foreach (var s in report.Steps)
            {
                sb.Append(CultureInfo.InvariantCulture, $"| {s.At.UtcDateTime:HH:mm:ss.fff} | {s.From} → {s.To} | {Cell(s.Guard ?? string.Empty)} | {Cell(s.Note ?? string.Empty)} |\n");
            }

            sb.Append('\n');
        }

        return sb.ToString();
    }

    /// <summary>Root cause first, then contributing, then the rest in catalogue order; ruled-out and not-checked last.</summary>
    public static IEnumerable<CauseFinding> Ordered(DiagnosisReport report) =>
        report.Causes.OrderBy(c => c.Cause == report.RootCause ? 0
            : report.Contributing.Contains(c.Cause) ? 1 + report.Contributing.ToList().IndexOf(c.Cause)
            : c.Status == CauseStatus.Inconclusive ? 20
            : c.Status == CauseStatus.RuledOut ? 30 : 40);

    private static string Cell(string text) => text.Replace("|", "\\|", StringComparison.Ordinal).Replace("\n", " ", StringComparison.Ordinal);
}
