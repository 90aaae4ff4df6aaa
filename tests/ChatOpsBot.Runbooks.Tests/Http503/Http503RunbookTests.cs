using ChatOpsBot.Runbooks.Causes;
using ChatOpsBot.Runbooks.Engine;
using ChatOpsBot.Runbooks.Evidence;
using ChatOpsBot.Runbooks.Evidence.LoadBalancing;
using ChatOpsBot.Runbooks.Evidence.Network;
using ChatOpsBot.Runbooks.Findings;
using ChatOpsBot.Runbooks.Http503;
using ChatOpsBot.Runbooks.Tests.Support;

namespace ChatOpsBot.Runbooks.Tests.Http503;

public sealed class Http503RunbookTests
{
    [Fact]
    public async Task RunAsync_HealthyAlb_DiagnosesNoFaultWithEveryCauseRuledOut()
    {
        var aws = FakeAwsAccount.ShopAlb();

        var report = await RunAsync(aws, Shop.AlbName);

        Assert.Equal(DiagnosisOutcome.Diagnosed, report.Outcome);
        Assert.Equal(CauseId.None, report.RootCause);
        Assert.StartsWith("No fault found on shop-alb", report.Headline, StringComparison.Ordinal);
        Assert.Equal(CauseIds.Checked, report.Causes.Select(c => c.Cause));
        Assert.All(report.Causes, c => Assert.True(c.Status == CauseStatus.RuledOut, $"{c.Cause.ToWire()} is {c.Status.ToWire()}: {c.Summary}"));
        Assert.Empty(report.Gaps);
        Assert.Equal(new LoadBalancerRef(Shop.AlbName, Shop.AlbArn, "application", "active"), report.LoadBalancer);
        Assert.Equal(Shop.Region, report.Region);
    }

    [Fact]
    public async Task RunAsync_HealthyAlb_CallsAwsInFourSequentialWaves()
    {
        // A wide latency, so that calls of one wave overlap even on a loaded CI machine.
        var aws = FakeAwsAccount.ShopAlb();
        aws.Latency = TimeSpan.FromMilliseconds(250);

        var report = await RunAsync(aws, Shop.AlbName);

        Assert.Equal(4, aws.SequentialWaves());
        Assert.Equal(aws.Calls.Count(c => c.Service != "dns"), report.AwsCalls.Count);
        Assert.Equal(1, aws.Calls.Count(c => c.Operation == "GetMetricData"));
        var first = aws.Calls.Single(c => c.Operation == "DescribeLoadBalancers");
        Assert.All(aws.Calls.Where(c => c != first), c => Assert.True(c.Started > first.Ended, $"{c.IamAction} started before the load balancer was found"));
    }

    [Fact]
    public async Task RunAsync_HealthyAlb_MetricsCoverTheRequestedWindowPerMinute()
    {
        var aws = FakeAwsAccount.ShopAlb();
        var sources = aws.Sources();
        var metrics = (FakeMetricsEvidence)sources.Metrics;

        await new Http503Runbook(sources, TimeProvider.System).RunAsync(TestSessions.Request(), null, CancellationToken.None);

        var (queries, start, end) = Assert.Single(metrics.Requests);
        Assert.Equal(TimeSpan.FromMinutes(60), end - start);
        Assert.Equal(0, end.Second);
        Assert.All(queries, q => Assert.Equal(60, q.PeriodSeconds));
        Assert.Contains(queries, q => q.Id == Http503Metrics.Elb503 && q.MetricName == "HTTPCode_ELB_503_Count" && q.Namespace == "AWS/ApplicationELB");
        Assert.Contains(queries, q => q.Id == Http503Metrics.TgHealthy(0) && q.Dimensions.Select(d => d.Name).SequenceEqual(["TargetGroup", "LoadBalancer"]));
        Assert.DoesNotContain(queries, q => q.MetricName is "SpilloverCount" or "SurgeQueueLength");
    }

    [Fact]
    public async Task RunAsync_SecurityGroupDropsHealthChecks_RootCauseNetworkBlockedWithTheIngressRule()
    {
        var aws = FakeAwsAccount.ShopAlb();
        aws.SecurityGroups.Clear();
        aws.SecurityGroups.AddRange(Shop.SecurityGroups(new SecurityGroupRule("tcp", 443, 443, [], [], [Shop.LbGroup], [])));
        aws.TargetHealth[Shop.WebTgArn] =
        [
            Shop.Unhealthy(Shop.InstanceA, "Target.Timeout", "Request timed out"),
            Shop.Unhealthy(Shop.InstanceB, "Target.Timeout", "Request timed out", Shop.ZoneB),
        ];
        aws.Metrics[Http503Metrics.Elb504] = [150, 150];
        aws.Metrics[Http503Metrics.Elb5xx] = [150, 150];

        var report = await RunAsync(aws, Shop.AlbName);

        Assert.Equal(CauseId.NetworkBlocked, report.RootCause);
        Assert.Contains(CauseId.UnhealthyTargets, report.Contributing);
        var f = report.Finding(CauseId.NetworkBlocked)!;
        Assert.Equal($"aws ec2 authorize-security-group-ingress --group-id {Shop.AppGroup} --protocol tcp --port 8080 --source-group {Shop.LbGroup} --region eu-west-1", f.Fix!.Command);
        Assert.Equal(CauseStatus.RuledOut, report.Finding(CauseId.HealthCheckTimeout)!.Status);
        Assert.Equal(CauseStatus.RuledOut, report.Finding(CauseId.HealthCheckMisconfigured)!.Status);
    }

    [Fact]
    public async Task RunAsync_EmptyTargetGroup_RootCauseNoRegisteredTargetsAndTargetChecksNotReached()
    {
        var aws = FakeAwsAccount.ShopAlb();
        aws.TargetHealth[Shop.WebTgArn] = [];
        aws.Metrics[Http503Metrics.Elb503] = [400, 380];
        aws.Metrics[Http503Metrics.Elb5xx] = [400, 380];

        var report = await RunAsync(aws, Shop.AlbName);

        Assert.Equal(CauseId.NoRegisteredTargets, report.RootCause);
        Assert.StartsWith("no-registered-targets: Target group shop-web has no registered targets", report.Headline, StringComparison.Ordinal);
        Assert.Equal(CauseStatus.NotChecked, report.Finding(CauseId.NetworkBlocked)!.Status);
        Assert.Equal("Not reached: no target is in service, so target-level checks do not apply.", report.Finding(CauseId.UnhealthyTargets)!.Summary);
        Assert.DoesNotContain(aws.Calls, c => c.Operation == "DescribeInstances");
    }

    [Fact]
    public async Task RunAsync_MalformedArn_BadInputWithoutCallingAws()
    {
        var aws = FakeAwsAccount.ShopAlb();

        var report = await RunAsync(aws, "arn:aws:elasticloadbalancing:eu-west-1:1234:loadbalancer/app/shop-alb/50dc6c495c0c9188");

        Assert.Equal(DiagnosisOutcome.BadInput, report.Outcome);
        Assert.StartsWith("'arn:aws:elasticloadbalancing:eu-west-1:1234:", report.Headline, StringComparison.Ordinal);
        Assert.Contains("is not a valid load balancer ARN", report.Headline, StringComparison.Ordinal);
        Assert.Empty(aws.Calls);
        Assert.Empty(report.AwsCalls);
        Assert.All(report.Causes, c => Assert.Equal(CauseStatus.NotChecked, c.Status));
    }

    [Fact]
    public async Task RunAsync_NameNotFound_BadInputSuggestingTheClosestNames()
    {
        var aws = FakeAwsAccount.ShopAlb();
        aws.LoadBalancers.Add(Shop.Alb() with { Name = "shop-alb-prd", Arn = Shop.AlbArn.Replace("shop-alb/", "shop-alb-prd/", StringComparison.Ordinal) });
        aws.LoadBalancers.Add(Shop.Alb() with { Name = "payments", Arn = Shop.AlbArn.Replace("shop-alb/", "payments/", StringComparison.Ordinal) });

        var report = await RunAsync(aws, "shop-alb-prod");

        Assert.Equal(DiagnosisOutcome.BadInput, report.Outcome);
        Assert.Equal("No load balancer named shop-alb-prod in eu-west-1. Did you mean: shop-alb-prd, shop-alb?", report.Headline);
        Assert.Equal(["diagnose 503 shop-alb-prd --region eu-west-1", "diagnose 503 shop-alb --region eu-west-1"], report.Suggestions);
        Assert.Single(aws.Calls);
    }

    [Fact]
    public async Task RunAsync_ClassicLoadBalancer_Unsupported()
    {
        var aws = FakeAwsAccount.ShopAlb();
        aws.ClassicNames.Add("legacy-web");

        var report = await RunAsync(aws, "legacy-web");

        Assert.Equal(DiagnosisOutcome.Unsupported, report.Outcome);
        Assert.Equal("classic", report.LoadBalancer.Type);
        Assert.Contains("Classic Load Balancer", report.Headline, StringComparison.Ordinal);
        Assert.Single(aws.Calls);
    }

    [Fact]
    public async Task RunAsync_NoCredentialsOnTheFirstCall_AccessProblem()
    {
        var aws = FakeAwsAccount.ShopAlb().Fail("DescribeLoadBalancers", EvidenceFailureKind.NoCredentials);

        var report = await RunAsync(aws, Shop.AlbName);

        Assert.Equal(DiagnosisOutcome.AccessProblem, report.Outcome);
        Assert.StartsWith("No usable AWS credentials:", report.Headline, StringComparison.Ordinal);
        Assert.Contains("aws configure", Assert.Single(report.Suggestions), StringComparison.Ordinal);
        Assert.Single(aws.Calls);
    }

    [Fact]
    public async Task RunAsync_AccessDeniedOnTheFirstCall_AccessProblemNamingTheIamAction()
    {
        var aws = FakeAwsAccount.ShopAlb().Fail("DescribeLoadBalancers", EvidenceFailureKind.AccessDenied);

        var report = await RunAsync(aws, Shop.AlbName);

        Assert.Equal(DiagnosisOutcome.AccessProblem, report.Outcome);
        Assert.StartsWith("AWS denied elasticloadbalancing:DescribeLoadBalancers", report.Headline, StringComparison.Ordinal);
        Assert.StartsWith("Grant elasticloadbalancing:DescribeLoadBalancers", Assert.Single(report.Suggestions), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_AccessDeniedOnDescribeTargetHealthOnly_TargetCausesInconclusiveAndTheRestCompletes()
    {
        var aws = FakeAwsAccount.ShopAlb().Fail("DescribeTargetHealth", EvidenceFailureKind.AccessDenied);

        var report = await RunAsync(aws, Shop.AlbName);

        Assert.Equal(DiagnosisOutcome.Diagnosed, report.Outcome);
        foreach (var cause in new[] { CauseId.NoRegisteredTargets, CauseId.UnhealthyTargets, CauseId.HealthCheckMisconfigured, CauseId.HealthCheckTimeout })
        {
            var f = report.Finding(cause)!;
            Assert.Equal(CauseStatus.Inconclusive, f.Status);
            Assert.Contains("elasticloadbalancing:DescribeTargetHealth", f.Summary, StringComparison.Ordinal);
        }

        foreach (var cause in new[] { CauseId.FixedResponse, CauseId.Dns, CauseId.LbCapacity, CauseId.TargetErrors })
        {
            Assert.Equal(CauseStatus.RuledOut, report.Finding(cause)!.Status);
        }

        var gap = Assert.Single(report.Gaps);
        Assert.Equal(new EvidenceGap("target health", "elasticloadbalancing:DescribeTargetHealth", EvidenceFailureKind.AccessDenied, gap.Message), gap);
        Assert.Contains("Grant elasticloadbalancing:DescribeTargetHealth to the bot's role to check target health (it is in deploy/iam/chatopsbot-read-only.json).", report.Suggestions);
        Assert.Equal(CauseId.None, report.RootCause);
        Assert.Contains("unhealthy-targets", report.Headline, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_Observer_ReceivesOneProgressPerStepAndOnlyTheLastIsFinished()
    {
        var aws = FakeAwsAccount.ShopAlb();
        var observer = new RecordingObserver();

        var report = await new Http503Runbook(aws.Sources(), TimeProvider.System).RunAsync(TestSessions.Request(), observer, CancellationToken.None);

        Assert.Equal(report.Steps.Count, observer.Seen.Count);
        Assert.Equal(report.Steps.Select(s => s.To), observer.Seen.Select(p => p.Step));
        Assert.True(observer.Seen[^1].Finished);
        Assert.Equal(nameof(Http503State.Diagnosed), observer.Seen[^1].Step);
        Assert.All(observer.Seen.SkipLast(1), p => Assert.False(p.Finished));
        Assert.Equal(CauseIds.Checked.Order(), observer.Seen[^1].Causes.Keys.Order());
        Assert.Contains(observer.Seen, p => p.Step == nameof(Http503State.CheckingNetworkPath) && p.Causes.ContainsKey(CauseId.NetworkBlocked) && !p.Causes.ContainsKey(CauseId.Dns));
    }

    [Fact]
    public async Task RunAsync_Timeline_RecordsEveryTransitionWithTheGuardThatChoseIt()
    {
        var aws = FakeAwsAccount.ShopAlb();

        var report = await RunAsync(aws, Shop.AlbName);

        var steps = report.Steps.Select(s => (s.From, s.To, s.Guard)).ToArray();
        Assert.Equal(("Start", "ResolvingLoadBalancer", "input is a name or ARN"), steps[0]);
        Assert.Contains(("ResolvingLoadBalancer", "GatheringConfiguration", "application or network load balancer found"), steps);
        Assert.Contains(("GatheringHealthAndMetrics", "GatheringTargets", "instance or IP target groups routed"), steps);
        Assert.Contains(("AttributingErrors", "CheckingFixedResponse", "application load balancer"), steps);
        Assert.Contains(("CheckingRegistration", "CheckingTargetHealth", "targets in service"), steps);
        Assert.Contains(("CheckingNetworkPath", "CheckingHealthCheckSettings", "step done"), steps);
        Assert.Equal(("Concluding", "Diagnosed", "step done"), steps[^1]);
        for (var i = 1; i < steps.Length; i++)
        {
            Assert.Equal(steps[i - 1].To, steps[i].From);
        }

        Assert.Contains(report.Steps, s => s.To == "GatheringConfiguration" && s.Note is { } n && n.Contains("1 listeners, 1 target groups", StringComparison.Ordinal));
    }

    [Fact]
    public async Task RunAsync_NetworkLoadBalancer_SkipsHttpChecks()
    {
        var aws = FakeAwsAccount.ShopAlb();
        aws.LoadBalancers.Clear();
        aws.LoadBalancers.Add(Shop.Nlb());
        aws.Listeners.Clear();
        aws.Listeners.Add(new ListenerDescription("arn:aws:elasticloadbalancing:eu-west-1:123456789012:listener/net/shop-nlb/7f3a1c2b9d8e4f60/1a2b3c4d5e6f7a8b", Shop.NlbArn, 80, "TCP", [Shop.ForwardTo(Shop.WebTgArn)]));
        aws.TargetGroups.Clear();
        aws.TargetGroups.Add(Shop.WebTargetGroup(Shop.HealthCheck(protocol: "TCP", path: null, timeout: 10, matcher: null), protocol: "TCP", loadBalancerArn: Shop.NlbArn));
        aws.DnsAnswers["shop-nlb-7f3a1c2b9d8e4f60.elb.eu-west-1.amazonaws.com"] = new("shop-nlb-7f3a1c2b9d8e4f60.elb.eu-west-1.amazonaws.com", ["52.50.1.20"], null, "system");

        var report = await RunAsync(aws, Shop.NlbName);

        Assert.Equal(DiagnosisOutcome.Diagnosed, report.Outcome);
        Assert.Equal("Network load balancers have no fixed-response actions.", report.Finding(CauseId.FixedResponse)!.Summary);
        Assert.Equal(CauseStatus.NotChecked, report.Finding(CauseId.TargetErrors)!.Status);
        Assert.Equal(CauseStatus.NotChecked, report.Finding(CauseId.HealthCheckTimeout)!.Status);
        Assert.DoesNotContain(aws.Calls, c => c.Operation == "DescribeRules");
        Assert.Contains(report.Steps, s => s.From == "AttributingErrors" && s.To == "CheckingRegistration" && s.Guard == "network load balancer (no HTTP rules)");
    }

    private static Task<DiagnosisReport> RunAsync(FakeAwsAccount aws, string loadBalancer) =>
        new Http503Runbook(aws.Sources(), TimeProvider.System).RunAsync(TestSessions.Request(loadBalancer), null, CancellationToken.None);
}
