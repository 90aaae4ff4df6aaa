using ChatOpsBot.Runbooks.Causes;
using ChatOpsBot.Runbooks.Charts;
using ChatOpsBot.Runbooks.Findings;
using ChatOpsBot.Runbooks.Http503;
using ChatOpsBot.Runbooks.Tests.Support;

namespace ChatOpsBot.Runbooks.Tests.Charts;

public sealed class Http503ChartsTests
{
    [Fact]
    public void Build_HealthyAlb_ShowsOnlyErrorsByProducer()
    {
        var charts = Http503Charts.Build(TestSessions.HealthyAlb());

        Assert.Equal([Http503Charts.ErrorsByProducerId], charts.Select(c => c.Id));
        Assert.Equal(
            ["HTTPCode_ELB_503 (load balancer)", "HTTPCode_Target_5XX (targets)", "RequestCount"],
            charts[0].Series.Select(s => s.Label));
        Assert.Equal("count per minute", charts[0].YAxisLabel);
        Assert.Contains(Shop.AlbName, charts[0].Title, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_CountWithMissingMinutes_IsZeroFilledPerMinuteAcrossTheWindow()
    {
        var s = TestSessions.HealthyAlb();
        s.Evidence.Metrics = new MetricsBuilder(s.Evidence).With(Http503Metrics.Elb503, 4, 0, 7).Build();

        var elb503 = Http503Charts.Build(s).Single(c => c.Id == Http503Charts.ErrorsByProducerId).Series[0];

        Assert.Equal(60, elb503.Times.Count);
        Assert.Equal(MetricsBuilder.Start, elb503.Times[0]);
        Assert.Equal(MetricsBuilder.End - TimeSpan.FromMinutes(1), elb503.Times[^1]);
        Assert.Equal([.. Enumerable.Repeat(0.0, 57), 4, 0, 7], elb503.Values);
    }

    [Fact]
    public void Build_AnyChart_UsesTheMetricsWindowAndMarksTheDiagnosisStart()
    {
        var s = TestSessions.HealthyAlb();

        var chart = Http503Charts.Build(s)[0];

        Assert.Equal(MetricsBuilder.Start, chart.WindowStart);
        Assert.Equal(MetricsBuilder.End, chart.WindowEnd);
        Assert.Equal(s.StartedAt, chart.DiagnosedAt);
    }

    [Fact]
    public void Build_GroupWithUnhealthyHosts_AddsHostCountsAsPublishedWithoutFilling()
    {
        var s = TestSessions.HealthyAlb();
        s.Evidence.Metrics = new MetricsBuilder(s.Evidence)
            .With(Http503Metrics.TgHealthy(0), 2, 1, 0)
            .With(Http503Metrics.TgUnhealthy(0), 0, 1, 2)
            .Build();

        var hosts = Http503Charts.Build(s).Single(c => c.Id == Http503Charts.HealthyHostsId);

        Assert.Equal(["shop-web healthy", "shop-web unhealthy"], hosts.Series.Select(x => x.Label));
        Assert.Equal([2.0, 1, 0], hosts.Series[0].Values);
        Assert.Equal([0.0, 1, 2], hosts.Series[1].Values);
        Assert.Equal(3, hosts.Series[1].Times.Count);
        Assert.Equal("hosts", hosts.YAxisLabel);
        Assert.Equal([ChartSeriesRole.Good, ChartSeriesRole.Bad], hosts.Series.Select(x => x.Role));
    }

    [Fact]
    public void Build_AllHostsHealthyAndNoHostCause_HasNoHostChart()
    {
        var s = TestSessions.HealthyAlb();
        s.Evidence.Metrics = new MetricsBuilder(s.Evidence).With(Http503Metrics.TgHealthy(0), 2, 2, 2).With(Http503Metrics.TgUnhealthy(0), 0, 0, 0).Build();

        Assert.DoesNotContain(Http503Charts.Build(s), c => c.Id == Http503Charts.HealthyHostsId);
    }

    [Theory]
    [InlineData(CauseId.UnhealthyTargets)]
    [InlineData(CauseId.NetworkBlocked)]
    [InlineData(CauseId.HealthCheckMisconfigured)]
    [InlineData(CauseId.HealthCheckTimeout)]
    public void Build_HostCauseConfirmed_AddsHostChartEvenWhenAllHealthyNow(CauseId cause)
    {
        var s = TestSessions.HealthyAlb();
        s.Evidence.Metrics = new MetricsBuilder(s.Evidence).With(Http503Metrics.TgHealthy(0), 2, 2, 2).Build();
        Confirm(s, cause);

        Assert.Contains(Http503Charts.Build(s), c => c.Id == Http503Charts.HealthyHostsId);
    }

    [Fact]
    public void Build_HealthCheckTimeoutConfirmed_DrawsP99WithTheGroupsTimeoutAsThreshold()
    {
        var s = TestSessions.HealthyAlb();
        s.Evidence.TargetGroups = [Shop.WebTargetGroup(Shop.HealthCheck(timeout: 4))];
        s.Evidence.Metrics = new MetricsBuilder(s.Evidence).With(Http503Metrics.TgResponseTimeP99(0), 3.5, 6.2, 7.9).Build();
        Confirm(s, CauseId.HealthCheckTimeout);

        var p99 = Http503Charts.Build(s).Single(c => c.Id == Http503Charts.ResponseTimeP99Id);

        Assert.Equal("seconds", p99.YAxisLabel);
        var series = Assert.Single(p99.Series);
        Assert.Equal("shop-web p99", series.Label);
        Assert.Equal([3.5, 6.2, 7.9], series.Values);
        var threshold = Assert.Single(p99.Thresholds);
        Assert.Equal(4, threshold.Value);
        Assert.Contains("shop-web", threshold.Label, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_P99HasDataWithoutTimeoutFinding_StillDrawsP99()
    {
        var s = TestSessions.HealthyAlb();
        s.Evidence.Metrics = new MetricsBuilder(s.Evidence).With(Http503Metrics.TgResponseTimeP99(0), 0.2, 0.3).Build();

        var p99 = Http503Charts.Build(s).Single(c => c.Id == Http503Charts.ResponseTimeP99Id);

        Assert.Equal(5, Assert.Single(p99.Thresholds).Value);
    }

    [Fact]
    public void Build_NoP99DataAndNoTimeoutFinding_HasNoP99Chart() =>
        Assert.DoesNotContain(Http503Charts.Build(TestSessions.HealthyAlb()), c => c.Id == Http503Charts.ResponseTimeP99Id);

    [Fact]
    public void Build_RejectedConnections_AddsZeroFilledRejectedChart()
    {
        var s = TestSessions.HealthyAlb();
        s.Evidence.Metrics = new MetricsBuilder(s.Evidence).With(Http503Metrics.Rejected, 12, 30).Build();

        var rejected = Http503Charts.Build(s).Single(c => c.Id == Http503Charts.RejectedConnectionsId);

        var series = Assert.Single(rejected.Series);
        Assert.Equal(60, series.Values.Count);
        Assert.Equal(42, series.Values.Sum());
        Assert.Equal(30, series.Values[^1]);
    }

    [Fact]
    public void Build_LbCapacityConfirmedWithNoRejections_StillDrawsRejectedChart()
    {
        var s = TestSessions.HealthyAlb();
        Confirm(s, CauseId.LbCapacity);

        Assert.Contains(Http503Charts.Build(s), c => c.Id == Http503Charts.RejectedConnectionsId);
    }

    [Fact]
    public void Build_NoRejectionsAndNoCapacityFinding_HasNoRejectedChart() =>
        Assert.DoesNotContain(Http503Charts.Build(TestSessions.HealthyAlb()), c => c.Id == Http503Charts.RejectedConnectionsId);

    [Fact]
    public void Build_ForbiddenCountQuery_IsLeftOutRatherThanDrawnAsZero()
    {
        var s = TestSessions.HealthyAlb();
        s.Evidence.Metrics = new MetricsBuilder(s.Evidence).WithStatus(Http503Metrics.Elb503, "Forbidden").Build();

        var errors = Http503Charts.Build(s).Single(c => c.Id == Http503Charts.ErrorsByProducerId);

        Assert.DoesNotContain(errors.Series, x => x.Label.StartsWith("HTTPCode_ELB_503", StringComparison.Ordinal));
    }

    [Fact]
    public void Build_NetworkLoadBalancer_HasNoHttpCharts()
    {
        var s = TestSessions.HealthyNlb();
        s.Evidence.Metrics = new MetricsBuilder(s.Evidence).With(Http503Metrics.TgHealthy(0), 1, 1).With(Http503Metrics.TgUnhealthy(0), 1, 1).Build();

        Assert.Equal([Http503Charts.HealthyHostsId], Http503Charts.Build(s).Select(c => c.Id));
    }

    [Fact]
    public void Build_NoMetricsGathered_HasNoCharts()
    {
        var s = TestSessions.HealthyAlb();
        s.Evidence.Metrics = null;

        Assert.Empty(Http503Charts.Build(s));
    }

    [Fact]
    public void Build_FiveGroupsWithUnhealthyHosts_DrawsAtMostFour()
    {
        var s = TestSessions.HealthyAlb();
        s.Evidence.TargetGroups =
        [
            .. Enumerable.Range(0, 5).Select(i => Shop.WebTargetGroup() with
            {
                Arn = Shop.WebTgArn.Replace("shop-web", $"shop-web{i}", StringComparison.Ordinal),
                Name = $"shop-web{i}",
            }),
        ];
        var builder = new MetricsBuilder(s.Evidence);
        for (var i = 0; i < 5; i++)
        {
            builder.With(Http503Metrics.TgHealthy(i), 1).With(Http503Metrics.TgUnhealthy(i), 1);
        }

        s.Evidence.Metrics = builder.Build();

        var hosts = Http503Charts.Build(s).Single(c => c.Id == Http503Charts.HealthyHostsId);

        Assert.Equal(8, hosts.Series.Count);
        Assert.DoesNotContain(hosts.Series, x => x.Label.StartsWith("shop-web4", StringComparison.Ordinal));
    }

    private static void Confirm(Http503Session s, CauseId cause) =>
        s.Record(new CauseFinding(cause, CauseStatus.Confirmed, "confirmed for the chart test", [], null));
}
