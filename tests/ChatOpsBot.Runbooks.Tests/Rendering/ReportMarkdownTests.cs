using ChatOpsBot.Runbooks.Causes;
using ChatOpsBot.Runbooks.Findings;
using ChatOpsBot.Runbooks.Rendering;
using ChatOpsBot.Runbooks.Tests.Support;

namespace ChatOpsBot.Runbooks.Tests.Rendering;

public sealed class ReportMarkdownTests
{
    [Fact]
    public void Write_Diagnosed_RootCauseComesBeforeEveryOtherCause()
    {
        var md = ReportMarkdown.Write(Reports.EmptyTargetGroup());

        var rootHeading = md.IndexOf("## Root cause: `no-registered-targets`", StringComparison.Ordinal);
        var rootSection = md.IndexOf("### `no-registered-targets` (root cause)", StringComparison.Ordinal);
        var contributing = md.IndexOf("### `fixed-response` (contributing)", StringComparison.Ordinal);
        var inconclusive = md.IndexOf("### `dns` (inconclusive)", StringComparison.Ordinal);
        var ruledOut = md.IndexOf("### `lb-capacity` (ruled-out)", StringComparison.Ordinal);
        Assert.True(rootHeading >= 0 && rootSection > rootHeading, md);
        Assert.True(contributing > rootSection, md);
        Assert.True(inconclusive > contributing, md);
        Assert.True(ruledOut > inconclusive, md);
        Assert.True(md.IndexOf("### `", StringComparison.Ordinal) == rootSection, "the first cause section is the root cause");
    }

    [Fact]
    public void Write_Diagnosed_FixCommandIsInAShellBlock()
    {
        var md = ReportMarkdown.Write(Reports.EmptyTargetGroup());

        Assert.Contains("```sh\n" + Reports.RegisterCommand + "\n```", md, StringComparison.Ordinal);
        Assert.Contains("- Target group shop-web has no registered targets, yet listener HTTP:80 default rule forwards to it. _(elasticloadbalancing:DescribeTargetHealth)_", md, StringComparison.Ordinal);
    }

    [Fact]
    public void Write_Diagnosed_TableHasOneRowPerCauseAndGapsAndSuggestionsAreListed()
    {
        var md = ReportMarkdown.Write(Reports.EmptyTargetGroup());

        foreach (var c in CauseIds.Checked)
        {
            Assert.Single(md.Split('\n'), l => l.StartsWith($"| `{c.ToWire()}` |", StringComparison.Ordinal));
        }

        Assert.Contains("- DNS: `ec2:DescribeDhcpOptions` (AccessDenied): not authorized", md, StringComparison.Ordinal);
        Assert.Contains("## Next steps\n\n- Grant ec2:DescribeDhcpOptions", md, StringComparison.Ordinal);
    }

    [Fact]
    public void Write_RuledOutCauseWithAFix_DoesNotPrintTheFix()
    {
        var report = Reports.EmptyTargetGroup();
        var ruledOut = report.Finding(CauseId.LbCapacity)! with { Fix = new Fix("Reserve LCUs.", "aws elbv2 modify-capacity-reservation --region eu-west-1", "why") };
        report = report with { Causes = [.. report.Causes.Select(c => c.Cause == CauseId.LbCapacity ? ruledOut : c)] };

        var md = ReportMarkdown.Write(report);

        Assert.DoesNotContain("modify-capacity-reservation", md, StringComparison.Ordinal);
    }
}
