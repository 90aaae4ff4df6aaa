using ChatOpsBot.Runbooks.Causes;
using ChatOpsBot.Runbooks.Evidence;
using ChatOpsBot.Runbooks.Findings;
using ChatOpsBot.Runbooks.Http503;
using ChatOpsBot.Runbooks.Http503.Checks;
using ChatOpsBot.Runbooks.Tests.Support;

namespace ChatOpsBot.Runbooks.Tests.Http503.Checks;

public sealed class DecisionTests
{
    [Theory]
    [InlineData(CauseId.FixedResponse, new[] { CauseId.UnhealthyTargets, CauseId.HealthCheckMisconfigured, CauseId.NetworkBlocked })]
    [InlineData(CauseId.NoRegisteredTargets, new[] { CauseId.UnhealthyTargets, CauseId.HealthCheckTimeout, CauseId.Dns })]
    [InlineData(CauseId.LbCapacity, new[] { CauseId.UnhealthyTargets, CauseId.HealthCheckTimeout, CauseId.TargetErrors })]
    public void Run_LoadBalancerProduced503_RoutingAndCapacityCausesWinOverHealthCauses(CauseId expected, CauseId[] alsoConfirmed)
    {
        var s = TestSessions.HealthyAlb();
        s.LoadBalancerProduces503 = true;
        foreach (var c in alsoConfirmed.Append(expected))
        {
            Confirm(s, c);
        }

        Decision.Run(s);

        Assert.Equal(expected, s.RootCause);
        Assert.Equal(alsoConfirmed.Order(), s.Contributing.Order());
        Assert.StartsWith($"{expected.ToWire()}: ", s.Headline, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(CauseId.NetworkBlocked, new[] { CauseId.UnhealthyTargets, CauseId.TargetErrors, CauseId.HealthCheckTimeout })]
    [InlineData(CauseId.Dns, new[] { CauseId.UnhealthyTargets, CauseId.TargetErrors })]
    [InlineData(CauseId.HealthCheckMisconfigured, new[] { CauseId.UnhealthyTargets, CauseId.TargetErrors, CauseId.LbCapacity })]
    public void Run_TargetProducedErrors_UnderlyingReasonWinsOverTheSymptom(CauseId expected, CauseId[] alsoConfirmed)
    {
        var s = TestSessions.HealthyAlb();
        s.LoadBalancerProduces503 = false;
        foreach (var c in alsoConfirmed.Append(expected))
        {
            Confirm(s, c);
        }

        Decision.Run(s);

        Assert.Equal(expected, s.RootCause);
        Assert.Equal(alsoConfirmed.Order(), s.Contributing.Order());
    }

    [Fact]
    public void Run_TargetProducedErrors_ContributingFollowTheTargetsFirstOrder()
    {
        var s = TestSessions.HealthyAlb();
        s.LoadBalancerProduces503 = false;
        Confirm(s, CauseId.TargetErrors);
        Confirm(s, CauseId.UnhealthyTargets);
        Confirm(s, CauseId.HealthCheckTimeout);
        Confirm(s, CauseId.NetworkBlocked);

        Decision.Run(s);

        Assert.Equal(CauseId.NetworkBlocked, s.RootCause);
        Assert.Equal([CauseId.HealthCheckTimeout, CauseId.UnhealthyTargets, CauseId.TargetErrors], s.Contributing);
        Assert.Equal("root cause network-blocked, contributing health-check-timeout, unhealthy-targets, target-errors", s.StepDetail);
    }

    [Fact]
    public void Run_UnhealthyTargetsCausedByTheRootCause_TheirFixBecomesWatchThemRecover()
    {
        var s = TestSessions.HealthyAlb();
        s.LoadBalancerProduces503 = false;
        s.Evidence.TargetHealth[Shop.WebTgArn] = [Shop.Unhealthy(Shop.InstanceA, "Target.Timeout", "Request timed out")];
        Confirm(s, CauseId.NetworkBlocked);
        s.Record(new CauseFinding(CauseId.UnhealthyTargets, CauseStatus.Confirmed, "1 of 2 targets fail health checks.", [], new Fix("Repair the application.", "aws ssm send-command --region eu-west-1", "why")));

        Decision.Run(s);

        var fix = s.Findings[CauseId.UnhealthyTargets].Fix!;
        Assert.StartsWith("Fix network-blocked first; the targets of shop-web then pass their checks on their own.", fix.Summary, StringComparison.Ordinal);
        Assert.Equal($"aws elbv2 describe-target-health --target-group-arn {Shop.WebTgArn} --region eu-west-1", fix.Command);
    }

    [Fact]
    public void Run_FixedResponsesAreAFractionOfElb503AndAGroupIsEmpty_EmptyGroupWins()
    {
        var s = TestSessions.HealthyAlb();
        s.LoadBalancerProduces503 = true;
        s.Evidence.Metrics = new MetricsBuilder(s.Evidence).With(Http503Metrics.FixedResponses, 10).With(Http503Metrics.Elb503, 500).Build();
        Confirm(s, CauseId.FixedResponse);
        Confirm(s, CauseId.NoRegisteredTargets);

        Decision.Run(s);

        Assert.Equal(CauseId.NoRegisteredTargets, s.RootCause);
        Assert.Equal([CauseId.FixedResponse], s.Contributing);
    }

    [Fact]
    public void Run_FixedResponsesAreMostOfElb503AndAGroupIsEmpty_FixedResponseWins()
    {
        var s = TestSessions.HealthyAlb();
        s.LoadBalancerProduces503 = true;
        s.Evidence.Metrics = new MetricsBuilder(s.Evidence).With(Http503Metrics.FixedResponses, 400).With(Http503Metrics.Elb503, 500).Build();
        Confirm(s, CauseId.FixedResponse);
        Confirm(s, CauseId.NoRegisteredTargets);

        Decision.Run(s);

        Assert.Equal(CauseId.FixedResponse, s.RootCause);
        Assert.Equal([CauseId.NoRegisteredTargets], s.Contributing);
    }

    [Fact]
    public void Run_NothingConfirmedSomeInconclusive_HeadlineListsTheInconclusiveChecks()
    {
        var s = TestSessions.HealthyAlb();
        s.Record(new CauseFinding(CauseId.FixedResponse, CauseStatus.RuledOut, "No fixed 5xx.", [], null));
        s.Record(new CauseFinding(CauseId.UnhealthyTargets, CauseStatus.Inconclusive, "Could not read.", [], null));
        s.Record(new CauseFinding(CauseId.Dns, CauseStatus.Inconclusive, "Does not resolve from here.", [], null));

        Decision.Run(s);

        Assert.Equal(CauseId.None, s.RootCause);
        Assert.Empty(s.Contributing);
        Assert.Equal("No cause confirmed for shop-alb; 2 check(s) inconclusive: unhealthy-targets, dns.", s.Headline);
        Assert.Equal("no cause confirmed", s.StepDetail);
    }

    [Fact]
    public void Run_EverythingRuledOut_HeadlineSaysNoFaultFound()
    {
        var s = TestSessions.HealthyAlb();
        foreach (var c in CauseIds.Checked)
        {
            s.Record(new CauseFinding(c, CauseStatus.RuledOut, "Fine.", [], null));
        }

        Decision.Run(s);

        Assert.Equal(CauseId.None, s.RootCause);
        Assert.StartsWith("No fault found on shop-alb", s.Headline, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_AccessDeniedGaps_BecomeGrantSuggestionsAndThrottlingDoesNot()
    {
        var s = TestSessions.HealthyAlb();
        s.Deny("target health", "elasticloadbalancing", "DescribeTargetHealth");
        s.Deny("metrics", "cloudwatch", "GetMetricData");
        s.Deny("security groups", "ec2", "DescribeSecurityGroups", EvidenceFailureKind.Throttled);

        Decision.Run(s);

        Assert.Equal(
            [
                "Grant elasticloadbalancing:DescribeTargetHealth to the bot's role to check target health (it is in deploy/iam/chatopsbot-read-only.json).",
                "Grant cloudwatch:GetMetricData to the bot's role to check metrics (it is in deploy/iam/chatopsbot-read-only.json).",
            ],
            s.Suggestions);
    }

    private static void Confirm(Http503Session s, CauseId cause) =>
        s.Record(new CauseFinding(cause, CauseStatus.Confirmed, $"{cause.Title()} found.", [], null));
}
