using ChatOpsBot.Runbooks.Causes;
using ChatOpsBot.Runbooks.Evidence.Instances;
using ChatOpsBot.Runbooks.Http503.Checks;
using ChatOpsBot.Runbooks.Tests.Support;

namespace ChatOpsBot.Runbooks.Tests.Http503.Checks;

public sealed class TargetHealthCheckTests
{
    private const string InstanceC = "i-0c3d4e5f607182930";
    private const string InstanceD = "i-0d4e5f60718293a41";

    [Fact]
    public void Run_MixedReasonCodes_CountsEachReasonAndConfirms()
    {
        var s = TestSessions.HealthyAlb();
        s.Evidence.TargetHealth[Shop.WebTgArn] =
        [
            Shop.Unhealthy(Shop.InstanceA, "Target.Timeout", "Request timed out"),
            Shop.Unhealthy(Shop.InstanceB, "Target.Timeout", "Request timed out", Shop.ZoneB),
            Shop.CodeMismatch(InstanceC, 404),
            Shop.Healthy(InstanceD, Shop.ZoneB),
        ];

        TargetHealthCheck.Run(s);

        var f = s.Findings[CauseId.UnhealthyTargets];
        Assert.Equal(CauseStatus.Confirmed, f.Status);
        Assert.Equal("3 of 4 targets fail health checks; most in shop-web (Target.Timeout, Target.ResponseCodeMismatch).", f.Summary);
        Assert.Contains(f.Evidence, e => e.Text == "3 of 4 targets in shop-web are unhealthy (2 Target.Timeout, 1 Target.ResponseCodeMismatch)." && e.Resources.SequenceEqual([Shop.WebTgArn]));
        Assert.Contains(f.Evidence, e => e.Text == $"{InstanceC}:8080 in eu-west-1a: Target.ResponseCodeMismatch \"Health checks failed with these codes: [404]\"." && e.Resources.SequenceEqual([InstanceC]));
        Assert.DoesNotContain(f.Evidence, e => e.Text.Contains("fails open", StringComparison.Ordinal));
        Assert.Equal($"aws elbv2 describe-target-health --target-group-arn {Shop.WebTgArn} --region eu-west-1", f.Fix!.Command);
    }

    [Fact]
    public void Run_AllTargetsUnhealthyOnAlb_MentionsFailOpen()
    {
        var s = TestSessions.HealthyAlb();
        s.Evidence.TargetHealth[Shop.WebTgArn] =
        [
            Shop.Unhealthy(Shop.InstanceA, "Target.FailedHealthChecks", "Health checks failed"),
            Shop.Unhealthy(Shop.InstanceB, "Target.FailedHealthChecks", "Health checks failed", Shop.ZoneB),
        ];

        TargetHealthCheck.Run(s);

        var f = s.Findings[CauseId.UnhealthyTargets];
        Assert.Equal(CauseStatus.Confirmed, f.Status);
        Assert.Contains(f.Evidence, e => e.Text == "All targets of shop-web are unhealthy, so the load balancer fails open and keeps routing to all of them.");
        Assert.Equal("Start the application on the unhealthy targets of shop-web, or make it listen on port 8080 on all interfaces (not 127.0.0.1).", f.Fix!.Summary);
    }

    [Fact]
    public void Run_UnhealthyManagedInstances_FixIsAReadOnlyRunCommandOnThem()
    {
        var s = TestSessions.HealthyAlb();
        s.Evidence.TargetHealth[Shop.WebTgArn] = [Shop.CodeMismatch(Shop.InstanceA, 500), Shop.Healthy(Shop.InstanceB, Shop.ZoneB)];
        s.Evidence.ManagedInstances = [new ManagedInstance(Shop.InstanceA, "Online", "3.3.40.0", "Linux")];

        TargetHealthCheck.Run(s);

        var command = s.Findings[CauseId.UnhealthyTargets].Fix!.Command;
        Assert.StartsWith($"aws ssm send-command --document-name AWS-RunShellScript --instance-ids {Shop.InstanceA} --comment 'chatopsbot read-only 503 probe' --parameters ", command, StringComparison.Ordinal);
        Assert.Contains("http://127.0.0.1:8080/health", command, StringComparison.Ordinal);
        Assert.EndsWith(" --region eu-west-1", command, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_ElbInternalError_TellsToOpenASupportCase()
    {
        var s = TestSessions.HealthyAlb();
        s.Evidence.TargetHealth[Shop.WebTgArn] = [Shop.Unhealthy(Shop.InstanceA, "Elb.InternalError", "Health checks failed due to an internal error"), Shop.Healthy(Shop.InstanceB, Shop.ZoneB)];

        TargetHealthCheck.Run(s);

        Assert.Contains("AWS-side fault", s.Findings[CauseId.UnhealthyTargets].Summary, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_OnlyInitialTargets_Inconclusive()
    {
        var s = TestSessions.HealthyAlb();
        s.Evidence.TargetHealth[Shop.WebTgArn] =
        [
            Shop.Target(Shop.InstanceA, "initial", "Elb.RegistrationInProgress", "Target registration is in progress", Shop.ZoneA),
            Shop.Target(Shop.InstanceB, "initial", "Elb.InitialHealthChecking", "Initial health checks in progress", Shop.ZoneB),
        ];

        TargetHealthCheck.Run(s);

        var f = s.Findings[CauseId.UnhealthyTargets];
        Assert.Equal(CauseStatus.Inconclusive, f.Status);
        Assert.StartsWith("All 2 targets are still in their initial health checks", f.Summary, StringComparison.Ordinal);
        Assert.Null(f.Fix);
    }

    [Fact]
    public void Run_AllHealthy_RulesOut()
    {
        var s = TestSessions.HealthyAlb();

        TargetHealthCheck.Run(s);

        Assert.Equal(CauseStatus.RuledOut, s.Findings[CauseId.UnhealthyTargets].Status);
        Assert.Equal("All 2 routed targets pass their health checks.", s.Findings[CauseId.UnhealthyTargets].Summary);
    }

    [Fact]
    public void Run_UnhealthyTargetsInAGroupNoListenerUses_AreIgnored()
    {
        var s = TestSessions.HealthyAlb();
        s.Evidence.TargetGroups = [Shop.WebTargetGroup(), Shop.ApiTargetGroup()];
        s.Evidence.TargetHealth[Shop.ApiTgArn] = [Shop.Unhealthy(InstanceC, "Target.Timeout", "Request timed out")];

        TargetHealthCheck.Run(s);

        Assert.Equal(CauseStatus.RuledOut, s.Findings[CauseId.UnhealthyTargets].Status);
    }

    [Fact]
    public void Run_TargetHealthDenied_InconclusiveNamingDescribeTargetHealth()
    {
        var s = TestSessions.HealthyAlb();
        s.Evidence.TargetHealth.Clear();
        s.Deny("target health", "elasticloadbalancing", "DescribeTargetHealth");

        TargetHealthCheck.Run(s);

        var f = s.Findings[CauseId.UnhealthyTargets];
        Assert.Equal(CauseStatus.Inconclusive, f.Status);
        Assert.Contains("elasticloadbalancing:DescribeTargetHealth", f.Summary, StringComparison.Ordinal);
    }
}
