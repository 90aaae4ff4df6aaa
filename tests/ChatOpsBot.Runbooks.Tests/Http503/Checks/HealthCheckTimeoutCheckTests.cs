using System.Globalization;
using System.Text.RegularExpressions;
using ChatOpsBot.Runbooks.Causes;
using ChatOpsBot.Runbooks.Http503;
using ChatOpsBot.Runbooks.Http503.Checks;
using ChatOpsBot.Runbooks.Tests.Support;

namespace ChatOpsBot.Runbooks.Tests.Http503.Checks;

public sealed partial class HealthCheckTimeoutCheckTests
{
    [Fact]
    public void Run_TimeoutsWithOpenPathAndP99AboveTimeout_ConfirmsAndKeepsTimeoutBelowInterval()
    {
        var s = TestSessions.HealthyAlb();
        s.Evidence.TargetGroups = [Shop.WebTargetGroup(Shop.HealthCheck(interval: 10, timeout: 5))];
        s.Evidence.TargetHealth[Shop.WebTgArn] =
        [
            Shop.Unhealthy(Shop.InstanceA, "Target.Timeout", "Request timed out"),
            Shop.Unhealthy(Shop.InstanceB, "Target.Timeout", "Request timed out", Shop.ZoneB),
        ];
        s.Evidence.Metrics = new MetricsBuilder(s.Evidence).With(Http503Metrics.TgResponseTimeP99(0), 3.1, 7.2, 6.4).Build();
        s.PathResults.Add(HealthCheckSettingsCheckTests.Path(allowed: true, port: 8080));

        HealthCheckTimeoutCheck.Run(s);

        var f = s.Findings[CauseId.HealthCheckTimeout];
        Assert.Equal(CauseStatus.Confirmed, f.Status);
        Assert.Equal("shop-web's targets answer in up to 7.2 s (p99) but the health check gives up after 5 s: 2 targets fail with Target.Timeout.", f.Summary);
        Assert.Contains(f.Evidence, e => e.Source == "cloudwatch:GetMetricData" && e.Text.Contains("p99 peaked at 7.2 s", StringComparison.Ordinal));
        Assert.Equal(
            $"aws elbv2 modify-target-group --target-group-arn {Shop.WebTgArn} --health-check-timeout-seconds 11 --health-check-interval-seconds 16 --region eu-west-1",
            f.Fix!.Command);
        AssertTimeoutBelowInterval(f.Fix.Command, currentInterval: 10);
    }

    [Theory]
    [InlineData(30, 5, null)]
    [InlineData(30, 29, null)]
    [InlineData(300, 60, 100.0)]
    [InlineData(6, 5, 0.4)]
    public void Run_TimeoutsWithOpenPath_FixedTimeoutIsAlwaysBelowTheInterval(int interval, int timeout, double? p99)
    {
        var s = TestSessions.HealthyAlb();
        s.Evidence.TargetGroups = [Shop.WebTargetGroup(Shop.HealthCheck(interval: interval, timeout: timeout))];
        s.Evidence.TargetHealth[Shop.WebTgArn] = [Shop.Unhealthy(Shop.InstanceA, "Target.Timeout", "Request timed out")];
        var metrics = new MetricsBuilder(s.Evidence);
        if (p99 is { } v)
        {
            metrics.With(Http503Metrics.TgResponseTimeP99(0), v);
        }

        s.Evidence.Metrics = metrics.Build();

        HealthCheckTimeoutCheck.Run(s);

        var f = s.Findings[CauseId.HealthCheckTimeout];
        Assert.Equal(CauseStatus.Confirmed, f.Status);
        AssertTimeoutBelowInterval(f.Fix!.Command, interval);
    }

    [Fact]
    public void Run_TimeoutsExplainedByABlockedPath_RulesOut()
    {
        var s = TestSessions.HealthyAlb();
        s.Evidence.TargetHealth[Shop.WebTgArn] =
        [
            Shop.Unhealthy(Shop.InstanceA, "Target.Timeout", "Request timed out"),
            Shop.Unhealthy(Shop.InstanceB, "Target.Timeout", "Request timed out", Shop.ZoneB),
        ];
        s.Evidence.Metrics = new MetricsBuilder(s.Evidence).With(Http503Metrics.TgResponseTimeP99(0), 9).Build();
        s.PathResults.Add(HealthCheckSettingsCheckTests.Path(allowed: false, port: 8080));

        HealthCheckTimeoutCheck.Run(s);

        var f = s.Findings[CauseId.HealthCheckTimeout];
        Assert.Equal(CauseStatus.RuledOut, f.Status);
        Assert.Equal("The health-check timeouts are explained by the blocked network path, not by slow targets.", f.Summary);
        Assert.Null(f.Fix);
    }

    [Fact]
    public void Run_SlowButHealthyTargets_RulesOutWithAWarning()
    {
        var s = TestSessions.HealthyAlb();
        s.Evidence.Metrics = new MetricsBuilder(s.Evidence).With(Http503Metrics.TgResponseTimeP99(0), 4.5).Build();

        HealthCheckTimeoutCheck.Run(s);

        var f = s.Findings[CauseId.HealthCheckTimeout];
        Assert.Equal(CauseStatus.RuledOut, f.Status);
        Assert.Contains("Watch shop-web: p99 is within 80% of the timeout.", f.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_NetworkLoadBalancer_NotChecked()
    {
        var s = TestSessions.HealthyNlb();
        s.Evidence.TargetHealth[Shop.WebTgArn] = [Shop.Unhealthy(Shop.InstanceA, "Target.FailedHealthChecks", "Health checks failed")];

        HealthCheckTimeoutCheck.Run(s);

        var f = s.Findings[CauseId.HealthCheckTimeout];
        Assert.Equal(CauseStatus.NotChecked, f.Status);
        Assert.Contains("Target.FailedHealthChecks", f.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_TargetHealthUnreadable_IsNotRuledOut()
    {
        var s = TestSessions.HealthyAlb();
        s.Evidence.TargetHealth.Clear();
        s.Deny("target health", "elasticloadbalancing", "DescribeTargetHealth");

        HealthCheckTimeoutCheck.Run(s);

        var f = s.Findings[CauseId.HealthCheckTimeout];
        Assert.Equal(CauseStatus.Inconclusive, f.Status);
        Assert.Contains("elasticloadbalancing:DescribeTargetHealth", f.Summary, StringComparison.Ordinal);
    }

    private static void AssertTimeoutBelowInterval(string command, int currentInterval)
    {
        var timeout = int.Parse(TimeoutOption().Match(command).Groups[1].Value, CultureInfo.InvariantCulture);
        var intervalMatch = IntervalOption().Match(command);
        var interval = intervalMatch.Success ? int.Parse(intervalMatch.Groups[1].Value, CultureInfo.InvariantCulture) : currentInterval;
        Assert.InRange(timeout, 2, 120);
        Assert.InRange(interval, 5, 300);
        Assert.True(timeout < interval, $"timeout {timeout} must be below interval {interval}: {command}");
    }

    [GeneratedRegex(@"--health-check-timeout-seconds (\d+)")]
    private static partial Regex TimeoutOption();

    [GeneratedRegex(@"--health-check-interval-seconds (\d+)")]
    private static partial Regex IntervalOption();
}
