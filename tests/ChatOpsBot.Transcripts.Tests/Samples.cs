using ChatOpsBot.Runbooks.Causes;
using ChatOpsBot.Runbooks.Evidence;
using ChatOpsBot.Runbooks.Findings;
using ChatOpsBot.Runbooks.Sessions;

namespace ChatOpsBot.Transcripts.Tests;

/// <summary>Realistic sessions, entries and a full diagnosis report shared by the tests.</summary>
internal static class Samples
{
    public static readonly DateTimeOffset T0 = new(2026, 3, 1, 12, 0, 0, 123, TimeSpan.Zero);

    public static SessionRecord Session(string id, DateTimeOffset? createdAt = null, string loadBalancer = "web-prod", SessionStatus status = SessionStatus.Running) =>
        new(
            Id: id,
            Runbook: "503",
            LoadBalancer: loadBalancer,
            Region: "eu-west-1",
            WindowMinutes: 60,
            Source: "discord",
            GuildId: "111111111111111111",
            ChannelId: "222222222222222222",
            StartedById: "333333333333333333",
            StartedByName: "alice",
            CreatedAt: createdAt ?? T0,
            Status: status,
            MachineState: "CheckTargets",
            RootCause: null,
            Outcome: null,
            FinishedAt: null,
            AcknowledgedBy: null,
            AcknowledgedAt: null,
            ResolvedBy: null,
            ResolvedAt: null,
            MessageChannelId: null,
            MessageId: null,
            ReportJson: null,
            Owner: "replica-a");

    public static TranscriptEntry Entry(string sessionId, DateTimeOffset at, TranscriptEntryKind kind, string actor, string text, string? data = null) =>
        new(sessionId, 0, at, kind, actor, text, data);

    public static DiagnosisReport Report(DateTimeOffset startedAt)
    {
        var fix = new Fix(
            "Allow the health-check port from the load balancer's security group",
            "aws ec2 authorize-security-group-ingress --group-id sg-0abc --protocol tcp --port 8080 --source-group sg-0lb --region eu-west-1",
            "The targets' security group drops the health checks, so every target is unhealthy and the ALB answers 503.");
        return new DiagnosisReport(
            Runbook: "503",
            Outcome: DiagnosisOutcome.Diagnosed,
            LoadBalancer: new LoadBalancerRef("web-prod", "arn:aws:elasticloadbalancing:eu-west-1:123456789012:loadbalancer/app/web-prod/50dc6c495c0c9188", "application", "active"),
            Region: "eu-west-1",
            StartedAt: startedAt,
            Window: TimeSpan.FromMinutes(60),
            RootCause: CauseId.NetworkBlocked,
            Contributing: [CauseId.UnhealthyTargets],
            Headline: "The security group sg-0abc blocks health checks on port 8080 from web-prod: every target is unhealthy.",
            Attribution: "the load balancer (ELB 5xx), not the targets",
            Causes:
            [
                new CauseFinding(CauseId.NetworkBlocked, CauseStatus.Confirmed, "sg-0abc has no rule for tcp/8080 from sg-0lb.", [Fact.Of("ec2:DescribeSecurityGroups", "sg-0abc allows 443 only", "sg-0abc")], fix),
                new CauseFinding(CauseId.UnhealthyTargets, CauseStatus.Confirmed, "2 of 2 targets unhealthy (Target.Timeout).", [Fact.Of("elasticloadbalancing:DescribeTargetHealth", "i-0a unhealthy", "i-0a", "tg-web")], null),
                new CauseFinding(CauseId.Dns, CauseStatus.RuledOut, "DNS resolves to the ALB.", [], null),
                CauseFinding.NotChecked(CauseId.TargetErrors, "not reached"),
            ],
            Gaps: [new EvidenceGap("instances", "ssm:DescribeInstanceInformation", EvidenceFailureKind.AccessDenied, "not authorised")],
            Steps:
            [
                new TransitionRecord("Start", "CheckTargets", "Begin", null, startedAt, null),
                new TransitionRecord("CheckTargets", "CheckNetwork", "TargetsUnhealthy", "targets time out", startedAt.AddMilliseconds(850), "2 unhealthy"),
            ],
            Suggestions: ["Re-run after the change: /diagnose web-prod"],
            Duration: TimeSpan.FromMilliseconds(4321),
            AwsCalls: [new EvidenceCall("elasticloadbalancing", "DescribeLoadBalancers", startedAt, TimeSpan.FromMilliseconds(42), 1, "ok")]);
    }
}
