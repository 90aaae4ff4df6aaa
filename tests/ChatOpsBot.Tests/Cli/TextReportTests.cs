using ChatOpsBot.Cli;
using ChatOpsBot.Runbooks.Causes;
using ChatOpsBot.Runbooks.Evidence;
using ChatOpsBot.Runbooks.Findings;

namespace ChatOpsBot.Tests.Cli;

public sealed class TextReportTests
{
    private const string TgArn = "arn:aws:elasticloadbalancing:eu-west-1:123456789012:targetgroup/shop-web/73e2d6bc24d8a067";
    private const string Command = "aws elbv2 register-targets --target-group-arn " + TgArn + " --targets 'Id=<instance-id>,Port=8080' --region eu-west-1";

    [Fact]
    public void Write_ColourOff_HasNoAnsiEscapes()
    {
        var text = TextReport.Write(Diagnosed(), color: false);

        Assert.DoesNotContain('\u001b', text);
    }

    [Fact]
    public void Write_ColourOn_UsesAnsiEscapes()
    {
        var text = TextReport.Write(Diagnosed(), color: true);

        Assert.Contains("\u001b[", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Write_Diagnosed_RootCauseAndFixCommandComeFirst()
    {
        var text = TextReport.Write(Diagnosed(), color: false);

        var root = text.IndexOf("ROOT CAUSE  no-registered-targets", StringComparison.Ordinal);
        var command = text.IndexOf("    $ " + Command + "\n", StringComparison.Ordinal);
        var contributing = text.IndexOf("CONTRIBUTING  fixed-response", StringComparison.Ordinal);
        var checks = text.IndexOf("CHECKS\n", StringComparison.Ordinal);
        Assert.True(root > 0, text);
        Assert.True(command > root, text);
        Assert.True(contributing > command, text);
        Assert.True(checks > contributing, text);
        Assert.StartsWith("503 diagnosis · shop-alb (application, active) · eu-west-1 · last 60 min\n", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Write_Diagnosed_OneLinePerCauseUnderChecks()
    {
        var text = TextReport.Write(Diagnosed(), color: false);

        var lines = text.Split('\n');
        var checks = Array.IndexOf(lines, "CHECKS");
        var causeLines = lines.Skip(checks + 1).TakeWhile(l => l.Length > 0).ToArray();
        Assert.Equal(CauseIds.Checked.Count, causeLines.Length);
        for (var i = 0; i < causeLines.Length; i++)
        {
            Assert.Contains($" {CauseIds.Checked[i].ToWire()} ", causeLines[i], StringComparison.Ordinal);
        }

        Assert.Contains(causeLines, l => l.StartsWith("  ● no-registered-targets", StringComparison.Ordinal) && l.Contains("found", StringComparison.Ordinal));
        Assert.Contains(causeLines, l => l.StartsWith("  ? dns", StringComparison.Ordinal) && l.Contains("inconclusive", StringComparison.Ordinal));
        Assert.Contains(causeLines, l => l.StartsWith("  ✓ lb-capacity", StringComparison.Ordinal) && l.Contains("ruled out", StringComparison.Ordinal));
        Assert.Contains(causeLines, l => l.StartsWith("  – network-blocked", StringComparison.Ordinal) && l.Contains("not checked", StringComparison.Ordinal));
    }

    [Fact]
    public void Write_Diagnosed_ListsGapsSuggestionsAndCallCount()
    {
        var text = TextReport.Write(Diagnosed(), color: false);

        Assert.Contains("COULD NOT CHECK\n  DNS: ec2:DescribeDhcpOptions (AccessDenied)\n", text, StringComparison.Ordinal);
        Assert.Contains("NEXT STEPS\n  → Grant ec2:DescribeDhcpOptions", text, StringComparison.Ordinal);
        Assert.Contains("Done in 1.23 s · 2 AWS calls · 1 retries", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Write_NotDiagnosed_PrintsOnlyTheHeadlineAndSuggestions()
    {
        var report = Diagnosed() with
        {
            Outcome = DiagnosisOutcome.BadInput,
            LoadBalancer = new LoadBalancerRef("shop-alb-prod", null, null, null),
            Headline = "No load balancer named shop-alb-prod in eu-west-1. Did you mean: shop-alb?",
            Suggestions = ["diagnose 503 shop-alb --region eu-west-1"],
        };

        var text = TextReport.Write(report, color: false);

        Assert.Equal(
            "503 diagnosis · shop-alb-prod · eu-west-1 · last 60 min\n\nNo load balancer named shop-alb-prod in eu-west-1. Did you mean: shop-alb?\n  → diagnose 503 shop-alb --region eu-west-1\n",
            text);
    }

    private static DiagnosisReport Diagnosed()
    {
        var causes = CauseIds.Checked.Select(c => c switch
        {
            CauseId.NoRegisteredTargets => new CauseFinding(
                c,
                CauseStatus.Confirmed,
                "Target group shop-web has no registered targets.",
                [Fact.Of("elasticloadbalancing:DescribeTargetHealth", "Target group shop-web has no registered targets, yet listener HTTP:80 default rule forwards to it.", TgArn)],
                new Fix("Register healthy targets in shop-web.", Command, "With no target in service the load balancer answers 503 itself.")),
            CauseId.FixedResponse => new CauseFinding(c, CauseStatus.Confirmed, "listener HTTP:80 rule 10 answers with a fixed 503.", [], null),
            CauseId.Dns => new CauseFinding(c, CauseStatus.Inconclusive, "The name does not resolve from where the bot runs.", [], null),
            CauseId.NetworkBlocked => CauseFinding.NotChecked(c, "Not reached."),
            _ => new CauseFinding(c, CauseStatus.RuledOut, $"{c.Title()}: ruled out.", [], null),
        }).ToArray();
        var at = new DateTimeOffset(2026, 11, 28, 9, 0, 0, TimeSpan.Zero);
        return new DiagnosisReport(
            "503",
            DiagnosisOutcome.Diagnosed,
            new LoadBalancerRef("shop-alb", "arn:aws:elasticloadbalancing:eu-west-1:123456789012:loadbalancer/app/shop-alb/50dc6c495c0c9188", "application", "active"),
            "eu-west-1",
            at,
            TimeSpan.FromMinutes(60),
            CauseId.NoRegisteredTargets,
            [CauseId.FixedResponse],
            "no-registered-targets: Target group shop-web has no registered targets.",
            "The load balancer itself generated the errors.",
            causes,
            [new EvidenceGap("DNS", "ec2:DescribeDhcpOptions", EvidenceFailureKind.AccessDenied, "not authorized")],
            [],
            ["Grant ec2:DescribeDhcpOptions to the bot's role to check DHCP options (see the read-only policy in the README)."],
            TimeSpan.FromMilliseconds(1234),
            [
                new EvidenceCall("elasticloadbalancing", "DescribeLoadBalancers", at, TimeSpan.FromMilliseconds(80), 1, "ok"),
                new EvidenceCall("elasticloadbalancing", "DescribeTargetHealth", at, TimeSpan.FromMilliseconds(90), 2, "ok"),
            ]);
    }
}
