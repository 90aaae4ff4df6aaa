using System.Globalization;
using ChatOpsBot.Runbooks.Causes;
using ChatOpsBot.Runbooks.Engine;
using ChatOpsBot.Runbooks.Evidence;
using ChatOpsBot.Runbooks.Findings;

namespace ChatOpsBot.Discord.Tests.Rendering;

/// <summary>Finished diagnosis reports built by hand, with fixed times and durations so rendered goldens are stable.</summary>
internal static class ReportBuilder
{
    public const string SessionId = "s-7f3a9c2e";
    public const string Region = "eu-west-1";
    public const string AlbName = "shop-alb";
    public const string AlbArn = "arn:aws:elasticloadbalancing:eu-west-1:123456789012:loadbalancer/app/shop-alb/50dc6c495c0c9188";
    public const string TgArn = "arn:aws:elasticloadbalancing:eu-west-1:123456789012:targetgroup/shop-web/73e2d6bc24d8a067";
    public const string WebSg = "sg-0a1b2c3d4e5f67890";
    public const string AlbSg = "sg-0fedcba9876543210";

    public const string SgFixCommand =
        "aws ec2 authorize-security-group-ingress --group-id " + WebSg +
        " --ip-permissions 'IpProtocol=tcp,FromPort=8080,ToPort=8080,UserIdGroupPairs=[{GroupId=" + AlbSg + ",Description=\"shop-alb health checks and traffic\"}]' --region eu-west-1";

    public static readonly DateTimeOffset StartedAt = new(2026, 11, 28, 9, 0, 0, TimeSpan.Zero);

    public static LoadBalancerRef Alb { get; } = new(AlbName, AlbArn, "application", "active");

    /// <summary>The security group of the targets does not admit the load balancer on 8080: root cause network-blocked,
    /// unhealthy targets contributing, one IAM gap.</summary>
    public static DiagnosisReport NetworkBlocked()
    {
        var causes = CauseIds.Checked.Select(c => c switch
        {
            CauseId.NetworkBlocked => new CauseFinding(
                c,
                CauseStatus.Confirmed,
                $"Security group {WebSg} on the targets admits no TCP 8080 from the load balancer's group {AlbSg}.",
                [
                    Fact.Of("ec2:DescribeSecurityGroups", $"{WebSg} (shop-web-sg) allows inbound TCP 443 from 0.0.0.0/0 and TCP 22 from 10.0.0.0/16; nothing on 8080.", WebSg),
                    Fact.Of("ec2:DescribeSecurityGroups", $"{AlbSg} (shop-alb-sg) is the only group on {AlbName}; no rule of {WebSg} references it.", AlbSg),
                    Fact.Of("elasticloadbalancing:DescribeTargetHealth", "i-0123456789abcdef0:8080 is unhealthy: Target.Timeout (health checks timed out).", "i-0123456789abcdef0"),
                    Fact.Of("elasticloadbalancing:DescribeTargetHealth", "i-0fedcba9876543210:8080 is unhealthy: Target.Timeout (health checks timed out).", "i-0fedcba9876543210"),
                ],
                new Fix(
                    $"Allow TCP 8080 from {AlbSg} into {WebSg}.",
                    SgFixCommand,
                    "Health checks and requests from the load balancer reach the targets again; once two checks pass the targets go healthy and the 503s stop.")),
            CauseId.UnhealthyTargets => new CauseFinding(
                c,
                CauseStatus.Confirmed,
                "2 of 2 targets in shop-web are unhealthy (Target.Timeout).",
                [Fact.Of("elasticloadbalancing:DescribeTargetHealth", "2 of 2 targets unhealthy, reason Target.Timeout.", TgArn)],
                null),
            CauseId.Dns => new CauseFinding(c, CauseStatus.Inconclusive, "shop-alb's DNS name does not resolve from where the bot runs.", [], null),
            _ => new CauseFinding(c, CauseStatus.RuledOut, $"{c.Title()}: ruled out.", [], null),
        }).ToArray();
        return Report(
            DiagnosisOutcome.Diagnosed,
            Alb,
            CauseId.NetworkBlocked,
            [CauseId.UnhealthyTargets],
            $"network-blocked: security group {WebSg} on the targets admits no TCP 8080 from the load balancer.",
            "The load balancer itself generated the errors: 1,204 503 (1,204 5xx in all) in the last 60 min; targets returned no 5xx.",
            causes,
            [new EvidenceGap("DNS", "ec2:DescribeDhcpOptions", EvidenceFailureKind.AccessDenied, "not authorized")],
            ["Grant ec2:DescribeDhcpOptions to the bot's role to check DHCP options (see the read-only policy in the README)."]);
    }

    /// <summary>Every check ran and nothing is wrong.</summary>
    public static DiagnosisReport NoFault()
    {
        var causes = CauseIds.Checked.Select(c => new CauseFinding(c, CauseStatus.RuledOut, $"{c.Title()}: ruled out.", [], null)).ToArray();
        return Report(
            DiagnosisOutcome.Diagnosed,
            Alb,
            CauseId.None,
            [],
            "none: no 503s from shop-alb in the last 60 min and every check passed.",
            null,
            causes,
            [],
            []);
    }

    /// <summary>The name is a typo: no such load balancer, with the closest names as suggestions.</summary>
    public static DiagnosisReport NotFound()
    {
        const string headline = "No load balancer named shop-alv in eu-west-1. Did you mean: shop-alb, shop-api-alb?";
        var causes = CauseIds.Checked.Select(c => CauseFinding.NotChecked(c, "Not checked: " + headline)).ToArray();
        return Report(
            DiagnosisOutcome.BadInput,
            new LoadBalancerRef("shop-alv", null, null, null),
            CauseId.None,
            [],
            headline,
            null,
            causes,
            [],
            ["diagnose 503 shop-alb --region eu-west-1", "diagnose 503 shop-api-alb --region eu-west-1"]);
    }

    /// <summary>300 targets each with its own evidence, a 3 KB command, 40 gaps: nothing of it fits one embed.</summary>
    public static DiagnosisReport Enormous()
    {
        var targets = Enumerable.Range(0, 300).Select(i => string.Create(CultureInfo.InvariantCulture, $"i-0{i:x16}")).ToArray();
        var blocked = targets.Select((t, i) => Fact.Of(
            "ec2:DescribeSecurityGroups",
            string.Create(CultureInfo.InvariantCulture, $"{t}:8080 in eu-west-1{(char)('a' + (i % 3))}: security group sg-0{i:x16} admits no TCP 8080 from {AlbSg}."),
            t)).ToArray();
        var unhealthy = targets.Select(t => Fact.Of("elasticloadbalancing:DescribeTargetHealth", $"{t}:8080 is unhealthy: Target.Timeout (health checks timed out).", t)).ToArray();
        var ranges = string.Join(",", Enumerable.Range(0, 40).Select(i => string.Create(CultureInfo.InvariantCulture, $"{{CidrIp=10.{i}.0.0/24,Description=\"shop-alb subnet {i} in eu-west-1\"}}")));
        var command = "aws ec2 authorize-security-group-ingress --group-id " + WebSg + " --ip-permissions 'IpProtocol=tcp,FromPort=8080,ToPort=8080,IpRanges=[" + ranges + "]' --region eu-west-1";
        var causes = CauseIds.Checked.Select(c => c switch
        {
            CauseId.NetworkBlocked => new CauseFinding(
                c,
                CauseStatus.Confirmed,
                "300 targets sit behind security groups that admit no TCP 8080 from the load balancer.",
                blocked,
                new Fix("Allow TCP 8080 from the load balancer's subnets into the targets' security group.", command, "The load balancer reaches the targets again and health checks pass.")),
            CauseId.UnhealthyTargets => new CauseFinding(c, CauseStatus.Confirmed, "300 of 300 targets are unhealthy (Target.Timeout).", unhealthy, null),
            CauseId.HealthCheckTimeout => new CauseFinding(c, CauseStatus.Inconclusive, "Health checks time out, but the network path explains it.", unhealthy.Take(20).ToArray(), null),
            _ => new CauseFinding(c, CauseStatus.RuledOut, $"{c.Title()}: ruled out.", [], null),
        }).ToArray();
        var gaps = Enumerable.Range(0, 40)
            .Select(i => new EvidenceGap(
                string.Create(CultureInfo.InvariantCulture, $"Network path of target {targets[i]}"),
                i % 2 == 0 ? "ec2:DescribeNetworkAcls" : "ec2:DescribeRouteTables",
                EvidenceFailureKind.AccessDenied,
                "User: arn:aws:sts::123456789012:assumed-role/chatopsbot/bot is not authorized to perform this operation"))
            .ToArray();
        return Report(
            DiagnosisOutcome.Diagnosed,
            Alb,
            CauseId.NetworkBlocked,
            [CauseId.UnhealthyTargets],
            "network-blocked: 300 targets sit behind security groups that admit no TCP 8080 from the load balancer.",
            "The load balancer itself generated the errors: 98,311 503 (98,311 5xx in all) in the last 60 min; targets returned no 5xx.",
            causes,
            gaps,
            ["Grant ec2:DescribeNetworkAcls and ec2:DescribeRouteTables to the bot's role, then re-run.", "Check the subnets' route tables by hand meanwhile."]);
    }

    /// <summary>The live message halfway through: registration and fixed-response done, the network path running.</summary>
    public static DiagnosisProgress Progress() => new(
        "CheckingNetworkPath",
        "Checking the network path",
        "2 targets unhealthy (Target.Timeout); checking security groups and network ACLs.",
        Alb,
        new Dictionary<CauseId, CauseStatus>
        {
            [CauseId.FixedResponse] = CauseStatus.RuledOut,
            [CauseId.NoRegisteredTargets] = CauseStatus.RuledOut,
            [CauseId.UnhealthyTargets] = CauseStatus.Confirmed,
            [CauseId.HealthCheckMisconfigured] = CauseStatus.RuledOut,
        },
        TimeSpan.FromMilliseconds(1830),
        Finished: false);

    private static DiagnosisReport Report(
        DiagnosisOutcome outcome,
        LoadBalancerRef lb,
        CauseId root,
        IReadOnlyList<CauseId> contributing,
        string headline,
        string? attribution,
        IReadOnlyList<CauseFinding> causes,
        IReadOnlyList<EvidenceGap> gaps,
        IReadOnlyList<string> suggestions) => new(
            "503",
            outcome,
            lb,
            Region,
            StartedAt,
            TimeSpan.FromMinutes(60),
            root,
            contributing,
            headline,
            attribution,
            causes,
            gaps,
            [
                new TransitionRecord("Start", "ResolvingLoadBalancer", "Begin", "input is a name or ARN", StartedAt, null),
                new TransitionRecord("Concluding", "Diagnosed", "Continue", "step done", StartedAt.AddMilliseconds(2310), $"root cause {root.ToWire()}"),
            ],
            suggestions,
            TimeSpan.FromMilliseconds(2412),
            [
                new EvidenceCall("elasticloadbalancing", "DescribeLoadBalancers", StartedAt, TimeSpan.FromMilliseconds(80), 1, "ok"),
                new EvidenceCall("elasticloadbalancing", "DescribeTargetHealth", StartedAt.AddMilliseconds(100), TimeSpan.FromMilliseconds(90), 1, "ok"),
                new EvidenceCall("ec2", "DescribeSecurityGroups", StartedAt.AddMilliseconds(200), TimeSpan.FromMilliseconds(70), 1, "ok"),
            ]);
}
