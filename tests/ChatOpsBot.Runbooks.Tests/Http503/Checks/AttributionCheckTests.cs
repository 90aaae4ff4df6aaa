using ChatOpsBot.Runbooks.Causes;
using ChatOpsBot.Runbooks.Http503;
using ChatOpsBot.Runbooks.Http503.Checks;
using ChatOpsBot.Runbooks.Tests.Support;

namespace ChatOpsBot.Runbooks.Tests.Http503.Checks;

public sealed class AttributionCheckTests
{
    [Fact]
    public void Run_MaterialElb503AndNoTarget5xx_AttributesToTheLoadBalancerAndRulesOutTargetErrors()
    {
        var s = TestSessions.HealthyAlb();
        s.Evidence.Metrics = new MetricsBuilder(s.Evidence)
            .With(Http503Metrics.Elb503, 40, 80)
            .With(Http503Metrics.Elb5xx, 40, 80)
            .With(Http503Metrics.Requests, 5000, 5000)
            .Build();

        AttributionCheck.Run(s);

        Assert.True(s.LoadBalancerProduces503);
        Assert.Equal("The load balancer itself generated the errors in the last 60 min: 120 503 (HTTPCode_ELB_503_Count); targets returned no 5xx.", s.Attribution);
        var f = s.Findings[CauseId.TargetErrors];
        Assert.Equal(CauseStatus.RuledOut, f.Status);
        var fact = Assert.Single(f.Evidence);
        Assert.Equal("cloudwatch:GetMetricData", fact.Source);
        Assert.Equal([Shop.AlbDimension], fact.Resources);
        Assert.Contains("120 HTTPCode_ELB_503_Count", fact.Text, StringComparison.Ordinal);
        Assert.Null(f.Fix);
    }

    [Fact]
    public void Run_MaterialTarget5xx_ConfirmsTargetErrorsWithPerGroupEvidenceAndAMetricsCommand()
    {
        var s = TestSessions.HealthyAlb();
        s.Evidence.Metrics = new MetricsBuilder(s.Evidence)
            .With(Http503Metrics.Target5xx, 150, 150)
            .With(Http503Metrics.TgTarget5xx(0), 150, 150)
            .With(Http503Metrics.Requests, 5000, 5000)
            .Build();

        AttributionCheck.Run(s);

        Assert.False(s.LoadBalancerProduces503);
        Assert.StartsWith("The targets returned the errors: 300 HTTPCode_Target_5XX_Count", s.Attribution, StringComparison.Ordinal);
        var f = s.Findings[CauseId.TargetErrors];
        Assert.Equal(CauseStatus.Confirmed, f.Status);
        Assert.Equal("Targets returned 300 5xx in the last 60 min: the application answers with errors itself.", f.Summary);
        Assert.Contains(f.Evidence, e => e.Text == "Target group shop-web returned 300 5xx." && e.Resources.SequenceEqual([Shop.WebTgArn]));
        Assert.Equal(
            $"aws cloudwatch get-metric-statistics --namespace AWS/ApplicationELB --metric-name HTTPCode_Target_5XX_Count --dimensions Name=LoadBalancer,Value={Shop.AlbDimension} --statistics Sum --period 60 --start-time 2026-11-28T08:00:00Z --end-time 2026-11-28T09:00:00Z --region eu-west-1",
            f.Fix!.Command);
    }

    [Fact]
    public void Run_AllTargetsUnhealthyAndTarget5xx_ExplainsFailOpenRatherThanElb503()
    {
        var s = TestSessions.HealthyAlb();
        s.Evidence.TargetHealth[Shop.WebTgArn] = [Shop.CodeMismatch(Shop.InstanceA, 500), Shop.CodeMismatch(Shop.InstanceB, 500)];
        s.Evidence.Metrics = new MetricsBuilder(s.Evidence).With(Http503Metrics.Target5xx, 900).With(Http503Metrics.TgTarget5xx(0), 900).With(Http503Metrics.Requests, 1000).Build();

        AttributionCheck.Run(s);

        var f = s.Findings[CauseId.TargetErrors];
        Assert.Contains(f.Evidence, e => e.Source == "elasticloadbalancing:DescribeTargetHealth" && e.Text.Contains("fails open", StringComparison.Ordinal) && e.Resources.SequenceEqual(["shop-web"]));
    }

    [Fact]
    public void Run_OnlyElb504_SaysNoneIsA503AndTheLoadBalancerProducedNo503()
    {
        var s = TestSessions.HealthyAlb();
        s.Evidence.Metrics = new MetricsBuilder(s.Evidence)
            .With(Http503Metrics.Elb504, 300)
            .With(Http503Metrics.Elb5xx, 300)
            .With(Http503Metrics.Requests, 5000)
            .Build();

        AttributionCheck.Run(s);

        Assert.False(s.LoadBalancerProduces503);
        Assert.Contains("300 504 (HTTPCode_ELB_504_Count: targets did not accept or answer in time)", s.Attribution, StringComparison.Ordinal);
        Assert.EndsWith("None of them is a 503: users see the load balancer's 502/504 pages.", s.Attribution, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_AllTargetsUnhealthyButNoGroupReturned5xx_NoFailOpenNote()
    {
        var s = TestSessions.HealthyAlb();
        s.Evidence.TargetHealth[Shop.WebTgArn] = [Shop.CodeMismatch(Shop.InstanceA, 500), Shop.CodeMismatch(Shop.InstanceB, 500)];
        s.Evidence.Metrics = new MetricsBuilder(s.Evidence).With(Http503Metrics.Target5xx, 900).With(Http503Metrics.Requests, 1000).Build();

        AttributionCheck.Run(s);

        Assert.DoesNotContain(s.Findings[CauseId.TargetErrors].Evidence, e => e.Text.Contains("fails open", StringComparison.Ordinal));
    }

    [Fact]
    public void Run_NoErrorsRecorded_SaysSoAndRulesOutTargetErrors()
    {
        var s = TestSessions.HealthyAlb();

        AttributionCheck.Run(s);

        Assert.False(s.LoadBalancerProduces503);
        Assert.Equal("No 5xx was recorded in the last 60 min (of 3,000 requests).", s.Attribution);
        Assert.Equal(CauseStatus.RuledOut, s.Findings[CauseId.TargetErrors].Status);
    }

    [Fact]
    public void Run_FewTarget5xxAmongManyRequests_IsNotMaterial()
    {
        var s = TestSessions.HealthyAlb();
        s.Evidence.Metrics = new MetricsBuilder(s.Evidence).With(Http503Metrics.Target5xx, 3).With(Http503Metrics.Requests, 100_000).Build();

        AttributionCheck.Run(s);

        Assert.Equal(CauseStatus.RuledOut, s.Findings[CauseId.TargetErrors].Status);
        Assert.Contains("not material", s.Findings[CauseId.TargetErrors].Summary, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_NetworkLoadBalancer_TargetErrorsNotCheckedAndResetsReported()
    {
        var s = TestSessions.HealthyNlb();
        s.Evidence.Metrics = new MetricsBuilder(s.Evidence).With(Http503Metrics.ElbResets, 12).With(Http503Metrics.TargetResets, 3).Build();

        AttributionCheck.Run(s);

        var f = s.Findings[CauseId.TargetErrors];
        Assert.Equal(CauseStatus.NotChecked, f.Status);
        Assert.Contains("no HTTP status codes", f.Summary, StringComparison.Ordinal);
        Assert.Contains("reset 12 connections itself and targets reset 3", s.Attribution, StringComparison.Ordinal);
        Assert.False(s.LoadBalancerProduces503);
    }

    [Fact]
    public void Run_MetricsDenied_InconclusiveNamingGetMetricData()
    {
        var s = TestSessions.HealthyAlb();
        s.Evidence.Metrics = null;
        s.Deny("metrics", "cloudwatch", "GetMetricData");

        AttributionCheck.Run(s);

        var f = s.Findings[CauseId.TargetErrors];
        Assert.Equal(CauseStatus.Inconclusive, f.Status);
        Assert.Contains("missing IAM permission cloudwatch:GetMetricData", f.Summary, StringComparison.Ordinal);
        Assert.Null(s.LoadBalancerProduces503);
        Assert.StartsWith("Unknown:", s.Attribution, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_Elb503QueryForbidden_IsInconclusiveRatherThanZero()
    {
        var s = TestSessions.HealthyAlb();
        s.Evidence.Metrics = new MetricsBuilder(s.Evidence)
            .With(Http503Metrics.Requests, 1000, 1000)
            .WithStatus(Http503Metrics.Elb503, "Forbidden")
            .Build();

        AttributionCheck.Run(s);

        Assert.Null(s.LoadBalancerProduces503);
        Assert.Equal(CauseStatus.Inconclusive, s.Findings[CauseId.TargetErrors].Status);
        Assert.StartsWith("Unknown", s.Attribution, StringComparison.Ordinal);
    }
}
