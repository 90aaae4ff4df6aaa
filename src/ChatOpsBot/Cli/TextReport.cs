using System.Globalization;
using System.Text;
using ChatOpsBot.Runbooks.Causes;
using ChatOpsBot.Runbooks.Findings;
using ChatOpsBot.Runbooks.Rendering;

namespace ChatOpsBot.Cli;

/// <summary>The report for a terminal: the answer first (root cause, fix, command), then every check in one line.</summary>
internal static class TextReport
{
    public static string Write(DiagnosisReport report, bool color)
    {
        var a = new Ansi(color);
        var sb = new StringBuilder();
        var lb = report.LoadBalancer;
        sb.Append(a.Bold($"{report.Runbook} diagnosis · {lb.Name}"));
        if (lb.Type is { } type)
        {
            sb.Append(CultureInfo.InvariantCulture, $" ({type}{(lb.State is { } state ? ", " + state : string.Empty)})");
        }

        sb.Append(CultureInfo.InvariantCulture, $" · {(report.Account is { } account ? $"account {account} · " : string.Empty)}{report.Region} · last {(int)report.Window.TotalMinutes} min\n\n");
        if (report.Outcome != DiagnosisOutcome.Diagnosed)
        {
            sb.Append(a.Red(report.Headline)).Append('\n');
            foreach (var s in report.Suggestions)
            {
                sb.Append("  → ").Append(s).Append('\n');
            }

            return sb.ToString();
        }

        if (report.RootCause == CauseId.None)
        {
            sb.Append(a.Bold("RESULT  ")).Append(report.Headline).Append("\n\n");
        }

        if (report.Attribution is { } who)
        {
            sb.Append(a.Dim("Who produced the errors: ")).Append(who).Append("\n\n");
        }

        foreach (var c in ReportMarkdown.Ordered(report).Where(c => c.Status == CauseStatus.Confirmed))
        {
            var label = c.Cause == report.RootCause ? a.Red(a.Bold("ROOT CAUSE")) : a.Yellow(a.Bold("CONTRIBUTING"));
            sb.Append(label).Append("  ").Append(a.Bold(c.Cause.ToWire())).Append('\n');
            Indented(sb, c.Summary, "  ");
            if (c.Evidence.Count > 0)
            {
                sb.Append(a.Dim("  Evidence")).Append('\n');
                foreach (var f in c.Evidence.Take(8))
                {
                    Indented(sb, "• " + f.Text, "    ");
                }

                if (c.Evidence.Count > 8)
                {
                    sb.Append(CultureInfo.InvariantCulture, $"    … {c.Evidence.Count - 8} more (--output markdown shows all)\n");
                }
            }

            if (c.Fix is { } fix)
            {
                sb.Append(a.Dim("  Fix")).Append('\n');
                Indented(sb, fix.Summary, "    ");
                foreach (var line in fix.Command.Split('\n'))
                {
                    sb.Append("    ").Append(a.Cyan(line.StartsWith('#') ? line : "$ " + line)).Append('\n');
                }

                sb.Append(a.Dim("  Why it works")).Append('\n');
                Indented(sb, fix.Why, "    ");
            }

            sb.Append('\n');
        }

        sb.Append(a.Bold("CHECKS")).Append('\n');
        var width = report.Causes.Max(c => c.Cause.ToWire().Length);
        foreach (var c in report.Causes)
        {
            var (mark, status) = c.Status switch
            {
                CauseStatus.Confirmed => (a.Red("●"), a.Red("found       ")),
                CauseStatus.RuledOut => (a.Green("✓"), a.Green("ruled out   ")),
                CauseStatus.Inconclusive => (a.Yellow("?"), a.Yellow("inconclusive")),
                _ => (a.Dim("–"), a.Dim("not checked ")),
            };
            sb.Append(CultureInfo.InvariantCulture, $"  {mark} {c.Cause.ToWire().PadRight(width)}  {status}  {c.Summary}\n");
        }

        if (report.Gaps.Count > 0)
        {
            sb.Append('\n').Append(a.Yellow(a.Bold("COULD NOT CHECK"))).Append('\n');
            foreach (var g in report.Gaps)
            {
                sb.Append(CultureInfo.InvariantCulture, $"  {g.Step}: {g.IamAction} ({g.Kind})\n");
            }
        }

        if (report.Suggestions.Count > 0)
        {
            sb.Append('\n').Append(a.Bold("NEXT STEPS")).Append('\n');
            foreach (var s in report.Suggestions)
            {
                Indented(sb, "→ " + s, "  ");
            }
        }

        var retries = report.AwsCalls.Sum(c => Math.Max(0, c.Attempts - 1));
        sb.Append('\n').Append(a.Dim(string.Create(CultureInfo.InvariantCulture, $"Done in {report.Duration.TotalSeconds:0.00} s · {report.AwsCalls.Count} AWS calls{(retries > 0 ? $" · {retries} retries" : string.Empty)}"))).Append('\n');
        return sb.ToString();
    }

    private static void Indented(StringBuilder sb, string text, string indent)
    {
        const int width = 110;
        var line = new StringBuilder(indent);
        foreach (var word in text.Split(' '))
        {
            if (line.Length + word.Length + 1 > width && line.Length > indent.Length)
            {
                sb.Append(line.ToString().TrimEnd()).Append('\n');
                line.Clear().Append(indent).Append(indent.Length > 2 && text.StartsWith('•') ? "  " : string.Empty);
            }

            line.Append(word).Append(' ');
        }

        sb.Append(line.ToString().TrimEnd()).Append('\n');
    }
}
