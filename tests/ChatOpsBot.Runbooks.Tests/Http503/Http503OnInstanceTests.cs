using ChatOpsBot.Runbooks.Causes;
using ChatOpsBot.Runbooks.Evidence;
using ChatOpsBot.Runbooks.Evidence.Instances;
using ChatOpsBot.Runbooks.Evidence.Network;
using ChatOpsBot.Runbooks.Findings;
using ChatOpsBot.Runbooks.Http503;
using ChatOpsBot.Runbooks.Tests.Support;

namespace ChatOpsBot.Runbooks.Tests.Http503;

/// <summary>The runbook with on-instance checks: what the instances show decides between causes the load
/// balancer's APIs alone cannot tell apart.</summary>
public sealed class Http503OnInstanceTests
{
    private static readonly InstanceProbeOptions Probe = new(ServiceName: "shop-web", DependencyHosts: ["db.shop.internal"]);

    [Fact]
    public async Task Diagnose_ServiceFailedNothingListening_UnhealthyTargetsWithRestartFix()
    {
        var aws = RefusedShop();
        Answer(aws, Facts("failed", [], Http(null, "refused")));

        var report = await RunAsync(aws, Probe);

        Assert.Equal(CauseId.UnhealthyTargets, report.RootCause);
        var finding = report.Finding(CauseId.UnhealthyTargets)!;
        Assert.Contains("not running", finding.Summary, StringComparison.Ordinal);
        Assert.Contains("systemctl restart shop-web", finding.Fix!.Command, StringComparison.Ordinal);
        Assert.StartsWith("aws ssm send-command", finding.Fix.Command, StringComparison.Ordinal);
        Assert.Contains(finding.Evidence, f => f.Source == "ssm:SendCommand" && f.Text.Contains("nothing listens on port 8080", StringComparison.Ordinal));
        Assert.Contains(report.Steps, t => t.To == nameof(Http503State.ProbingInstances));
    }

    [Fact]
    public async Task Diagnose_ListeningOnLoopbackOnly_UnhealthyTargetsWithBindAddressFix()
    {
        var aws = RefusedShop();
        Answer(aws, Facts("active", ["127.0.0.1:8080"], Http(200, null)));

        var report = await RunAsync(aws, Probe);

        Assert.Equal(CauseId.UnhealthyTargets, report.RootCause);
        var finding = report.Finding(CauseId.UnhealthyTargets)!;
        Assert.Contains("wrong bind address", finding.Summary, StringComparison.Ordinal);
        Assert.Contains("0.0.0.0:8080", finding.Fix!.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Diagnose_DependencyDoesNotResolveOnInstance_DnsRootWithUnhealthyTargetsAsSymptom()
    {
        var aws = FakeAwsAccount.ShopAlb();
        aws.TargetHealth[Shop.WebTgArn] = [Shop.CodeMismatch(Shop.InstanceA, 503), Shop.Unhealthy(Shop.InstanceB, "Target.ResponseCodeMismatch", "Health checks failed with these codes: [503]", Shop.ZoneB)];
        Answer(aws, Facts("active", ["0.0.0.0:8080"], Http(503, null), resolves: false));

        var report = await RunAsync(aws, Probe);

        Assert.Equal(CauseId.Dns, report.RootCause);
        Assert.Contains(CauseId.UnhealthyTargets, report.Contributing);
        var dns = report.Finding(CauseId.Dns)!;
        Assert.Contains("db.shop.internal does not resolve", dns.Summary, StringComparison.Ordinal);
        Assert.Contains("list-hosted-zones-by-vpc", dns.Fix!.Command, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Diagnose_WithoutOnInstance_SameAccountCannotTellTheCause()
    {
        var aws = FakeAwsAccount.ShopAlb();
        aws.TargetHealth[Shop.WebTgArn] = [Shop.CodeMismatch(Shop.InstanceA, 503), Shop.Unhealthy(Shop.InstanceB, "Target.ResponseCodeMismatch", "Health checks failed with these codes: [503]", Shop.ZoneB)];
        Answer(aws, Facts("active", ["0.0.0.0:8080"], Http(503, null), resolves: false));

        var report = await RunAsync(aws, null);

        Assert.Equal(CauseId.UnhealthyTargets, report.RootCause);
        Assert.Empty(aws.ProbeRequests);
        Assert.DoesNotContain(report.Steps, t => t.To == nameof(Http503State.ProbingInstances));
    }

    [Fact]
    public async Task Diagnose_LocalAnswerRejectsTheHostHeader_HealthCheckMisconfigured()
    {
        var aws = RefusedShop();
        Answer(aws, Facts("active", ["0.0.0.0:8080"], Http(421, null)));

        var report = await RunAsync(aws, Probe);

        var finding = report.Finding(CauseId.HealthCheckMisconfigured)!;
        Assert.Equal(CauseStatus.Confirmed, finding.Status);
        Assert.Contains("Host: 10.0.2.15:8080", finding.Summary, StringComparison.Ordinal);
        Assert.Contains("Host header", finding.Fix!.Why, StringComparison.Ordinal);
        Assert.Equal(CauseId.HealthCheckMisconfigured, report.RootCause);
    }

    [Fact]
    public async Task Diagnose_LocalAnswerSlowerThanTheTimeout_HealthCheckTimeout()
    {
        var aws = FakeAwsAccount.ShopAlb();
        aws.TargetHealth[Shop.WebTgArn] = [Shop.Unhealthy(Shop.InstanceA, "Target.Timeout", "Request timed out"), Shop.Unhealthy(Shop.InstanceB, "Target.Timeout", "Request timed out", Shop.ZoneB)];
        Answer(aws, Facts("active", ["0.0.0.0:8080"], Http(200, null, elapsedMs: 9000)));

        var report = await RunAsync(aws, Probe);

        var finding = report.Finding(CauseId.HealthCheckTimeout)!;
        Assert.Equal(CauseStatus.Confirmed, finding.Status);
        Assert.Contains("took 9,000 ms locally", finding.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Diagnose_LocalAnswerMuchSlowerThanATightInterval_FixKeepsTheTimeoutBelowTheInterval()
    {
        var aws = FakeAwsAccount.ShopAlb();
        aws.TargetGroups[0] = Shop.WebTargetGroup(Shop.HealthCheck(interval: 10));
        aws.TargetHealth[Shop.WebTgArn] = [Shop.Unhealthy(Shop.InstanceA, "Target.Timeout", "Request timed out"), Shop.Unhealthy(Shop.InstanceB, "Target.Timeout", "Request timed out", Shop.ZoneB)];
        Answer(aws, Facts("active", ["0.0.0.0:8080"], Http(200, null, elapsedMs: 20000)));

        var report = await RunAsync(aws, Probe);

        // 1.5 x 20 s = 30 s; ModifyTargetGroup rejects a timeout that is not below the interval, so the interval must rise past it.
        var command = report.Finding(CauseId.HealthCheckTimeout)!.Fix!.Command;
        Assert.Contains("--health-check-timeout-seconds 30 ", command, StringComparison.Ordinal);
        Assert.Contains("--health-check-interval-seconds 35 ", command, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Diagnose_HealthyLocallyButUnhealthyAtTheLoadBalancer_PointsAtTheNetworkPath()
    {
        var aws = RefusedShop();
        Answer(aws, Facts("active", ["0.0.0.0:8080"], Http(200, null)));

        var report = await RunAsync(aws, Probe);

        var net = report.Finding(CauseId.NetworkBlocked)!;
        Assert.Equal(CauseStatus.Inconclusive, net.Status);
        Assert.Contains("host firewall", net.Summary, StringComparison.Ordinal);
        Assert.Contains("iptables", net.Fix!.Command, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Diagnose_ManyUnhealthyInstances_ProbesAtMostMaxUnhealthyFirstOnePerZone()
    {
        var aws = FakeAwsAccount.ShopAlb();
        string Id(int i) => $"i-0000000000000000{i}";
        var zones = new[] { Shop.ZoneA, Shop.ZoneA, Shop.ZoneA, Shop.ZoneB, "eu-west-1c" };
        aws.TargetHealth[Shop.WebTgArn] = [
            Shop.Healthy(Id(9), Shop.ZoneB),
            .. zones.Select((z, i) => Shop.Unhealthy(Id(i), "Target.FailedHealthChecks", null, z)),
        ];
        aws.Instances.AddRange(zones.Select((z, i) => new InstanceDescription(Id(i), "running", null, Shop.VpcId, z, $"10.0.9.{i}", [Shop.AppGroup])));
        aws.ManagedInstances.AddRange([.. Enumerable.Range(0, 10).Select(i => new ManagedInstance(Id(i), "Online", "3.3", "Linux"))]);
        foreach (var i in Enumerable.Range(0, 10))
        {
            aws.ProbeOutcomes[Id(i)] = Outcome(Facts("active", [], Http(null, "refused")));
        }

        await RunAsync(aws, Probe with { MaxInstances = 3 });

        var request = Assert.Single(aws.ProbeRequests);
        Assert.Equal([Id(0), Id(3), Id(4)], request.Targets.Select(t => t.InstanceId));
        Assert.Equal("10.0.9.3:8080", request.Targets[1].HostHeader);
        Assert.Equal("/health", request.HealthCheckPath);
    }

    [Fact]
    public async Task Diagnose_UnhealthyInstanceNotManaged_SkippedWithWhatToEnableAndTheNextOneProbed()
    {
        var aws = RefusedShop();
        aws.ManagedInstances.Clear();
        aws.ManagedInstances.Add(new ManagedInstance(Shop.InstanceB, "Online", "3.3", "Linux"));
        Answer(aws, Facts("failed", [], Http(null, "refused")));

        var report = await RunAsync(aws, Probe with { MaxInstances = 1 });

        Assert.Equal([Shop.InstanceB], Assert.Single(aws.ProbeRequests).Targets.Select(t => t.InstanceId));
        var facts = report.Causes.SelectMany(c => c.Evidence).ToArray();
        Assert.Contains(facts, f => f.Resources.Contains(Shop.InstanceA) && f.Text.Contains("AmazonSSMManagedInstanceCore", StringComparison.Ordinal) && f.Text.Contains("ssmmessages", StringComparison.Ordinal));
        Assert.Contains(report.Suggestions, s => s.Contains(Shop.InstanceA, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Diagnose_StoppedInstanceSkipped_NoAdviceToEnableSsmOnIt()
    {
        var aws = RefusedShop();
        aws.Instances[0] = aws.Instances[0] with { StateName = "stopped" };
        Answer(aws, Facts("failed", [], Http(null, "refused")));

        var report = await RunAsync(aws, Probe);

        var facts = report.Causes.SelectMany(c => c.Evidence).ToArray();
        Assert.Contains(facts, f => f.Resources.Contains(aws.Instances[0].InstanceId) && f.Text.Contains("the instance is stopped", StringComparison.Ordinal));
        // Stopped is not an SSM problem: enabling the agent would not make it checkable.
        Assert.DoesNotContain(report.Suggestions, s => s.Contains("AmazonSSMManagedInstanceCore", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Diagnose_HealthyInstanceAmongCandidates_SsmAskedOnceAboutAll()
    {
        var aws = FakeAwsAccount.ShopAlb();
        aws.TargetHealth[Shop.WebTgArn] = [Shop.Unhealthy(Shop.InstanceA, "Target.FailedHealthChecks", "Health checks failed"), Shop.Healthy(Shop.InstanceB, Shop.ZoneB)];
        aws.ManagedInstances.Add(new ManagedInstance(Shop.InstanceA, "Online", "3.3", "Linux"));
        Answer(aws, Facts("failed", [], Http(null, "refused")));

        var report = await RunAsync(aws, Probe);

        // One DescribeInstanceInformation while gathering targets covers the healthy candidate too: it is known unmanaged, not probed.
        Assert.Single(aws.Calls, c => c.IamAction == "ssm:DescribeInstanceInformation");
        Assert.Equal([Shop.InstanceA], Assert.Single(aws.ProbeRequests).Targets.Select(t => t.InstanceId));
        Assert.Contains(report.Causes.SelectMany(c => c.Evidence), f => f.Resources.Contains(Shop.InstanceB) && f.Text.Contains("not managed by Systems Manager", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Diagnose_NoGetentOnInstance_DependencyNotCheckedRatherThanUnresolved()
    {
        var aws = RefusedShop();
        Answer(aws, Facts("failed", [], Http(null, "refused")) with { Dependencies = [new DependencyResolution("db.shop.internal", false, [], Known: false)] });

        var report = await RunAsync(aws, Probe);

        Assert.NotEqual(CauseStatus.Confirmed, report.Finding(CauseId.Dns)?.Status);
        Assert.Contains(report.Causes.SelectMany(c => c.Evidence), f => f.Text.Contains("db.shop.internal not checked (no getent on the instance)", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Diagnose_ProbeAccessDenied_GapNamesSendCommandAndDiagnosisGoesOn()
    {
        var aws = RefusedShop().Fail("SendCommand", EvidenceFailureKind.AccessDenied);

        var report = await RunAsync(aws, Probe);

        Assert.Equal(DiagnosisOutcome.Diagnosed, report.Outcome);
        Assert.Contains(report.Gaps, g => g.IamAction == "ssm:SendCommand" && g.Kind == EvidenceFailureKind.AccessDenied);
        // The advice names the opt-in probe policy, not the read-only one that must never grant SendCommand.
        Assert.Contains(report.Suggestions, s => s.Contains("ssm:SendCommand", StringComparison.Ordinal) && s.Contains("deploy/iam/chatopsbot-ssm-probe.json", StringComparison.Ordinal));
        Assert.Contains(report.Finding(CauseId.UnhealthyTargets)!.Evidence, f => f.Text.Contains("denied", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Diagnose_DescribeInstanceInformationAndGetCommandInvocationDenied_BothGapsAndProbePolicyNamed()
    {
        // The probe itself reports per instance that polling was denied (as SsmInstanceProbe does); SSM's inventory was denied too.
        var aws = RefusedShop().Fail("DescribeInstanceInformation", EvidenceFailureKind.AccessDenied);
        var denied = new EvidenceException(EvidenceFailureKind.AccessDenied, "ssm", "GetCommandInvocation", "AccessDeniedException", "not authorized to perform ssm:GetCommandInvocation");
        aws.ProbeOutcomes[Shop.InstanceA] = new("set-by-fake", InstanceProbeStatus.AccessDenied, "GetCommandInvocation failed", false, null, denied);
        aws.ProbeOutcomes[Shop.InstanceB] = new("set-by-fake", InstanceProbeStatus.AccessDenied, "GetCommandInvocation failed", false, null, denied);

        var report = await RunAsync(aws, Probe);

        Assert.Contains(report.Gaps, g => g.IamAction == "ssm:DescribeInstanceInformation" && g.Kind == EvidenceFailureKind.AccessDenied);
        Assert.Contains(report.Gaps, g => g.IamAction == "ssm:GetCommandInvocation" && g.Kind == EvidenceFailureKind.AccessDenied);
        Assert.DoesNotContain(report.Gaps, g => g.IamAction == "ssm:SendCommand");
        Assert.Contains(report.Suggestions, s => s.Contains("ssm:GetCommandInvocation", StringComparison.Ordinal) && s.Contains("deploy/iam/chatopsbot-ssm-probe.json", StringComparison.Ordinal));
        Assert.Contains(report.Finding(CauseId.UnhealthyTargets)!.Evidence, f => f.Text.Contains("lacks ssm:GetCommandInvocation", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Diagnose_NoProbeConfigured_SaysSoInsteadOfFailing()
    {
        var aws = RefusedShop();
        var sources = aws.Sources() with { Probe = null };

        var report = await new Http503Runbook(sources, TimeProvider.System).RunAsync(TestSessions.Request() with { OnInstance = Probe }, null, CancellationToken.None);

        Assert.Equal(CauseId.UnhealthyTargets, report.RootCause);
        Assert.Contains(report.Suggestions, s => s.Contains("no SSM probe is configured", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Diagnose_InvalidOptions_NamesTheSetting()
    {
        var aws = RefusedShop();

        var report = await RunAsync(aws, Probe with { DependencyHosts = ["db; rm -rf /"] });

        Assert.Empty(aws.ProbeRequests);
        Assert.Contains(report.Suggestions, s => s.Contains("'db; rm -rf /' is not a host name", StringComparison.Ordinal));
    }

    /// <summary>The shop with both targets failing with Target.FailedHealthChecks (connections refused), SSM managing both.</summary>
    private static FakeAwsAccount RefusedShop()
    {
        var aws = FakeAwsAccount.ShopAlb();
        aws.TargetHealth[Shop.WebTgArn] = [Shop.Unhealthy(Shop.InstanceA, "Target.FailedHealthChecks", "Health checks failed"), Shop.Unhealthy(Shop.InstanceB, "Target.FailedHealthChecks", "Health checks failed", Shop.ZoneB)];
        aws.ManagedInstances.AddRange([new ManagedInstance(Shop.InstanceA, "Online", "3.3", "Linux"), new ManagedInstance(Shop.InstanceB, "Online", "3.3", "Linux")]);
        return aws;
    }

    private static void Answer(FakeAwsAccount aws, InstanceFacts facts)
    {
        if (aws.ManagedInstances.Count == 0)
        {
            aws.ManagedInstances.AddRange([new ManagedInstance(Shop.InstanceA, "Online", "3.3", "Linux"), new ManagedInstance(Shop.InstanceB, "Online", "3.3", "Linux")]);
        }

        aws.ProbeOutcomes[Shop.InstanceA] = Outcome(facts with { Http = facts.Http is null ? null : facts.Http with { HostHeader = "10.0.2.15:8080" } });
        aws.ProbeOutcomes[Shop.InstanceB] = Outcome(facts with { Http = facts.Http is null ? null : facts.Http with { HostHeader = "10.0.4.15:8080" } });
    }

    private static InstanceProbeOutcome Outcome(InstanceFacts facts) => new("set-by-fake", InstanceProbeStatus.Success, null, false, facts);

    private static InstanceFacts Facts(string service, string[] listen, LocalHealthCheck http, bool resolves = true) =>
        new(service, true, listen, http, [new DependencyResolution("db.shop.internal", resolves, resolves ? ["10.0.5.5"] : [])], ["last line"]);

    private static LocalHealthCheck Http(int? code, string? error, long elapsedMs = 4) => new(code, error, elapsedMs, null);

    private static Task<DiagnosisReport> RunAsync(FakeAwsAccount aws, InstanceProbeOptions? options) =>
        new Http503Runbook(aws.Sources(), TimeProvider.System).RunAsync(TestSessions.Request() with { OnInstance = options }, null, CancellationToken.None);
}
