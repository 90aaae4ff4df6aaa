using ChatOpsBot.Runbooks.Causes;
using ChatOpsBot.Runbooks.Http503;
using ChatOpsBot.Runbooks.Http503.Checks;
using ChatOpsBot.Runbooks.Network;
using ChatOpsBot.Runbooks.Tests.Support;

namespace ChatOpsBot.Runbooks.Tests.Http503.Checks;

public sealed class HealthCheckSettingsCheckTests
{
    [Fact]
    public void Run_ResponseCodeMismatch404_ConfirmsAndFixChangesTheHealthCheckPath()
    {
        var s = TestSessions.HealthyAlb();
        s.Evidence.TargetGroups = [Shop.WebTargetGroup(Shop.HealthCheck(path: "/healthz"))];
        s.Evidence.TargetHealth[Shop.WebTgArn] = [Shop.CodeMismatch(Shop.InstanceA, 404), Shop.CodeMismatch(Shop.InstanceB, 404)];

        HealthCheckSettingsCheck.Run(s);

        var f = s.Findings[CauseId.HealthCheckMisconfigured];
        Assert.Equal(CauseStatus.Confirmed, f.Status);
        Assert.Equal("shop-web's health check HTTP /healthz gets 404 (the path does not exist) but its matcher accepts only 200.", f.Summary);
        Assert.Contains(f.Evidence, e => e.Source == "elasticloadbalancing:DescribeTargetHealth" && e.Text == "shop-web targets answered the health check with 404.");
        Assert.Equal($"aws elbv2 modify-target-group --target-group-arn {Shop.WebTgArn} --health-check-path '<path-that-answers-200>' --region eu-west-1", f.Fix!.Command);
        Assert.Contains("replace <path-that-answers-200> in the command", f.Fix.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_ResponseCodeMismatch401OnRootPath_AsksForAPathWithoutAuthentication()
    {
        var s = TestSessions.HealthyAlb();
        s.Evidence.TargetGroups = [Shop.WebTargetGroup(Shop.HealthCheck(path: "/"))];
        s.Evidence.TargetHealth[Shop.WebTgArn] = [Shop.CodeMismatch(Shop.InstanceA, 401)];

        HealthCheckSettingsCheck.Run(s);

        var f = s.Findings[CauseId.HealthCheckMisconfigured];
        Assert.Contains("the path requires authentication", f.Summary, StringComparison.Ordinal);
        Assert.Contains("without authentication", f.Fix!.Summary, StringComparison.Ordinal);
        Assert.Contains("--health-check-path '<path-that-answers-200>'", f.Fix.Command, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_ResponseCodeMismatch301_FixAcceptsOnlyTheRedirectCodeSeen()
    {
        var s = TestSessions.HealthyAlb();
        s.Evidence.TargetHealth[Shop.WebTgArn] = [Shop.CodeMismatch(Shop.InstanceA, 301), Shop.CodeMismatch(Shop.InstanceB, 301)];

        HealthCheckSettingsCheck.Run(s);

        var f = s.Findings[CauseId.HealthCheckMisconfigured];
        Assert.Equal(CauseStatus.Confirmed, f.Status);
        Assert.Contains("301 (a redirect)", f.Summary, StringComparison.Ordinal);
        Assert.Equal($"aws elbv2 modify-target-group --target-group-arn {Shop.WebTgArn} --matcher HttpCode=200,301 --region eu-west-1", f.Fix!.Command);
        Assert.StartsWith("Best: exempt /health from the redirect", f.Fix.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_ResponseCodeMismatch204WithMatcher200_FixAddsTheCodeToTheMatcher()
    {
        var s = TestSessions.HealthyAlb();
        s.Evidence.TargetHealth[Shop.WebTgArn] = [Shop.CodeMismatch(Shop.InstanceA, 204)];

        HealthCheckSettingsCheck.Run(s);

        var f = s.Findings[CauseId.HealthCheckMisconfigured];
        Assert.Equal(CauseStatus.Confirmed, f.Status);
        Assert.Equal($"aws elbv2 modify-target-group --target-group-arn {Shop.WebTgArn} --matcher HttpCode=200,204 --region eu-west-1", f.Fix!.Command);
    }

    [Fact]
    public void Run_ResponseCodeMismatch500_IsAnApplicationErrorNotAMisconfiguration()
    {
        var s = TestSessions.HealthyAlb();
        s.Evidence.TargetHealth[Shop.WebTgArn] = [Shop.CodeMismatch(Shop.InstanceA, 500), Shop.CodeMismatch(Shop.InstanceB, 500)];

        HealthCheckSettingsCheck.Run(s);

        var f = s.Findings[CauseId.HealthCheckMisconfigured];
        Assert.Equal(CauseStatus.RuledOut, f.Status);
        Assert.Null(f.Fix);
        Assert.Contains(f.Evidence, e => e.Text == "shop-web targets answered the health check with 500.");
    }

    [Fact]
    public void Run_CodeTheMatcherAlreadyAccepts_IsNotReportedAsMismatch()
    {
        var s = TestSessions.HealthyAlb();
        s.Evidence.TargetGroups = [Shop.WebTargetGroup(Shop.HealthCheck(matcher: "200-399"))];
        s.Evidence.TargetHealth[Shop.WebTgArn] = [Shop.CodeMismatch(Shop.InstanceA, 302)];

        HealthCheckSettingsCheck.Run(s);

        Assert.Equal(CauseStatus.RuledOut, s.Findings[CauseId.HealthCheckMisconfigured].Status);
    }

    [Fact]
    public void Run_ExplicitHealthCheckPortRefusedWithOpenPath_FixSendsChecksToTheTrafficPort()
    {
        var s = TestSessions.HealthyAlb();
        s.Evidence.TargetGroups = [Shop.WebTargetGroup(Shop.HealthCheck(port: "8081"))];
        s.Evidence.TargetHealth[Shop.WebTgArn] =
        [
            Shop.Unhealthy(Shop.InstanceA, "Target.FailedHealthChecks", "Health checks failed", healthCheckPort: "8081"),
            Shop.Unhealthy(Shop.InstanceB, "Target.FailedHealthChecks", "Health checks failed", Shop.ZoneB, healthCheckPort: "8081"),
        ];
        s.PathResults.Add(Path(allowed: true, port: 8081));

        HealthCheckSettingsCheck.Run(s);

        var f = s.Findings[CauseId.HealthCheckMisconfigured];
        Assert.Equal(CauseStatus.Confirmed, f.Status);
        Assert.StartsWith("shop-web sends health checks to port 8081 but traffic to port 8080", f.Summary, StringComparison.Ordinal);
        Assert.Equal($"aws elbv2 modify-target-group --target-group-arn {Shop.WebTgArn} --health-check-port traffic-port --region eu-west-1", f.Fix!.Command);
    }

    [Fact]
    public void Run_ExplicitHealthCheckPortButThePathIsBlocked_LeavesItToNetworkBlocked()
    {
        var s = TestSessions.HealthyAlb();
        s.Evidence.TargetGroups = [Shop.WebTargetGroup(Shop.HealthCheck(port: "8081"))];
        s.Evidence.TargetHealth[Shop.WebTgArn] = [Shop.Unhealthy(Shop.InstanceA, "Target.Timeout", "Request timed out", healthCheckPort: "8081")];
        s.PathResults.Add(Path(allowed: false, port: 8081));

        HealthCheckSettingsCheck.Run(s);

        Assert.Equal(CauseStatus.RuledOut, s.Findings[CauseId.HealthCheckMisconfigured].Status);
    }

    [Fact]
    public void Run_HttpsHealthCheckOnHttpTargetGroup_FixSwitchesTheProtocol()
    {
        var s = TestSessions.HealthyAlb();
        s.Evidence.TargetGroups = [Shop.WebTargetGroup(Shop.HealthCheck(protocol: "HTTPS"))];
        s.Evidence.TargetHealth[Shop.WebTgArn] = [Shop.Unhealthy(Shop.InstanceA, "Target.FailedHealthChecks", "Health checks failed")];

        HealthCheckSettingsCheck.Run(s);

        var f = s.Findings[CauseId.HealthCheckMisconfigured];
        Assert.Equal(CauseStatus.Confirmed, f.Status);
        Assert.StartsWith("shop-web checks health over HTTPS but serves HTTP", f.Summary, StringComparison.Ordinal);
        Assert.Equal($"aws elbv2 modify-target-group --target-group-arn {Shop.WebTgArn} --health-check-protocol HTTP --region eu-west-1", f.Fix!.Command);
    }

    [Fact]
    public void Run_AllHealthy_RulesOut()
    {
        var s = TestSessions.HealthyAlb();

        HealthCheckSettingsCheck.Run(s);

        Assert.Equal(CauseStatus.RuledOut, s.Findings[CauseId.HealthCheckMisconfigured].Status);
        Assert.Equal("Health checks pass with the current settings.", s.Findings[CauseId.HealthCheckMisconfigured].Summary);
    }

    [Fact]
    public void Run_TargetHealthUnreadable_IsNotRuledOut()
    {
        var s = TestSessions.HealthyAlb();
        s.Evidence.TargetHealth.Clear();
        s.Deny("target health", "elasticloadbalancing", "DescribeTargetHealth");

        HealthCheckSettingsCheck.Run(s);

        var f = s.Findings[CauseId.HealthCheckMisconfigured];
        Assert.Equal(CauseStatus.Inconclusive, f.Status);
        Assert.Contains("elasticloadbalancing:DescribeTargetHealth", f.Summary, StringComparison.Ordinal);
    }

    internal static TargetPathResult Path(bool allowed, int port, string purpose = "health check")
    {
        var node = new NetworkEndpoint("shop-alb node 10.0.1.10", "10.0.1.10", Shop.LbSubnetA, [Shop.LbGroup]);
        var target = new NetworkEndpoint($"{Shop.InstanceA} (10.0.2.15)", "10.0.2.15", Shop.AppSubnetA, [Shop.AppGroup]);
        var check = new PathCheck(
            PathCheckKind.DestinationSecurityGroupIngress,
            Shop.AppGroup,
            allowed,
            allowed ? $"{Shop.AppGroup} allows tcp {port} from {Shop.LbGroup}." : $"No rule of {Shop.AppGroup} allows tcp {port} from 10.0.1.10.",
            null);
        return new TargetPathResult(Shop.WebTgArn, "shop-web", [Shop.InstanceA, Shop.InstanceB], true, purpose, port, node, target, new PathVerdict(allowed, [check]));
    }
}
