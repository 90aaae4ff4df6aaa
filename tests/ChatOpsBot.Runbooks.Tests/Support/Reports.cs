using ChatOpsBot.Runbooks.Causes;
using ChatOpsBot.Runbooks.Evidence;
using ChatOpsBot.Runbooks.Findings;

namespace ChatOpsBot.Runbooks.Tests.Support;

/// <summary>Finished reports, built by hand, for the renderers.</summary>
internal static class Reports
{
    public const string RegisterCommand = "aws elbv2 register-targets --target-group-arn " + Shop.WebTgArn + " --targets 'Id=<instance-id>,Port=8080' --region eu-west-1";

    /// <summary>shop-web is empty (root cause), the maintenance rule also fires (contributing), DNS is inconclusive.</summary>
    public static DiagnosisReport EmptyTargetGroup()
    {
        var causes = CauseIds.Checked.Select(c => c switch
        {
            CauseId.NoRegisteredTargets => new CauseFinding(
                c,
                CauseStatus.Confirmed,
                "Target group shop-web has no registered targets.",
                [Fact.Of("elasticloadbalancing:DescribeTargetHealth", "Target group shop-web has no registered targets, yet listener HTTP:80 default rule forwards to it.", Shop.WebTgArn)],
                new Fix("Register healthy targets in shop-web.", RegisterCommand, "With no target in service the load balancer answers 503 itself.")),
            CauseId.FixedResponse => new CauseFinding(
                c,
                CauseStatus.Confirmed,
                "listener HTTP:80 rule 10 answers with a fixed 503, and fixed responses fired 12 times.",
                [Fact.Of("elasticloadbalancing:DescribeRules", "listener HTTP:80 rule 10 answers fixed-response 503.", Shop.MaintenanceRuleArn)],
                new Fix("Point the rule back at a target group.", "aws elbv2 modify-rule --rule-arn " + Shop.MaintenanceRuleArn + " --actions Type=forward,TargetGroupArn=" + Shop.WebTgArn + " --region eu-west-1", "A fixed-response action answers itself.")),
            CauseId.Dns => new CauseFinding(c, CauseStatus.Inconclusive, "shop-alb's DNS name does not resolve from where the bot runs.", [], null),
            CauseId.NetworkBlocked or CauseId.UnhealthyTargets => CauseFinding.NotChecked(c, "Not reached: no target is in service, so target-level checks do not apply."),
            _ => new CauseFinding(c, CauseStatus.RuledOut, $"{c.Title()}: ruled out.", [], null),
        }).ToArray();
        var started = new DateTimeOffset(2026, 11, 28, 9, 0, 0, TimeSpan.Zero);
        return new DiagnosisReport(
            "503",
            DiagnosisOutcome.Diagnosed,
            new LoadBalancerRef(Shop.AlbName, Shop.AlbArn, "application", "active"),
            Shop.Region,
            started,
            TimeSpan.FromMinutes(60),
            CauseId.NoRegisteredTargets,
            [CauseId.FixedResponse],
            "no-registered-targets: Target group shop-web has no registered targets.",
            "The load balancer itself generated the errors: 780 503 (780 5xx in all) in the last 60 min; targets returned no 5xx.",
            causes,
            [new EvidenceGap("DNS", "ec2:DescribeDhcpOptions", EvidenceFailureKind.AccessDenied, "not authorized")],
            [
                new TransitionRecord("Start", "ResolvingLoadBalancer", "Begin", "input is a name or ARN", started, null),
                new TransitionRecord("Concluding", "Diagnosed", "Continue", "step done", started.AddMilliseconds(420), "root cause no-registered-targets"),
            ],
            ["Grant ec2:DescribeDhcpOptions to the bot's role to check DHCP options (see the read-only policy in the README)."],
            TimeSpan.FromMilliseconds(1234),
            [
                new EvidenceCall("elasticloadbalancing", "DescribeLoadBalancers", started, TimeSpan.FromMilliseconds(80), 1, "ok"),
                new EvidenceCall("elasticloadbalancing", "DescribeTargetHealth", started.AddMilliseconds(100), TimeSpan.FromMilliseconds(90), 2, "ok"),
                new EvidenceCall("ec2", "DescribeDhcpOptions", started.AddMilliseconds(100), TimeSpan.FromMilliseconds(50), 1, "AccessDenied"),
            ]);
    }
}
