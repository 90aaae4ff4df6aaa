using ChatOpsBot.Runbooks.Causes;
using ChatOpsBot.Runbooks.Http503;
using ChatOpsBot.Runbooks.Http503.Checks;
using ChatOpsBot.Runbooks.Tests.Support;

namespace ChatOpsBot.Runbooks.Tests.Http503.Checks;

public sealed class FixedResponseCheckTests
{
    [Fact]
    public void Run_DefaultActionFixed503Firing_ConfirmsWithModifyListenerForwardingToTheTargetGroup()
    {
        var s = TestSessions.HealthyAlb();
        var maintenance = Shop.FixedResponse("503", "Down for maintenance");
        s.Evidence.Listeners = [Shop.HttpListener(maintenance)];
        s.Evidence.Rules[Shop.ListenerArn] = [Shop.DefaultRule(maintenance)];
        s.Evidence.Metrics = new MetricsBuilder(s.Evidence).With(Http503Metrics.FixedResponses, 200, 250).With(Http503Metrics.Elb503, 200, 250).Build();

        FixedResponseCheck.Run(s);

        var f = s.Findings[CauseId.FixedResponse];
        Assert.Equal(CauseStatus.Confirmed, f.Status);
        Assert.Equal("listener HTTP:80 default rule answers with a fixed 503, and fixed responses fired 450 times.", f.Summary);
        Assert.Contains(f.Evidence, e => e.Source == "elasticloadbalancing:DescribeRules" && e.Resources.SequenceEqual([Shop.DefaultRuleArn, Shop.ListenerArn]) && e.Text.Contains("\"Down for maintenance\"", StringComparison.Ordinal));
        Assert.Contains(f.Evidence, e => e.Source == "cloudwatch:GetMetricData" && e.Text.StartsWith("HTTP_Fixed_Response_Count: 450", StringComparison.Ordinal));
        Assert.Equal("Make the default action of listener HTTP:80 forward to a target group.", f.Fix!.Summary);
        Assert.Equal(
            $"aws elbv2 modify-listener --listener-arn {Shop.ListenerArn} --default-actions Type=forward,TargetGroupArn={Shop.WebTgArn} --region eu-west-1",
            f.Fix.Command);
    }

    [Fact]
    public void Run_DefaultActionFixed503WithoutRulesRead_UsesTheListenerDefaultAction()
    {
        var s = TestSessions.HealthyAlb();
        s.Evidence.Listeners = [Shop.HttpListener(Shop.FixedResponse("503"))];
        s.Evidence.Rules.Clear();
        s.Evidence.Metrics = new MetricsBuilder(s.Evidence).With(Http503Metrics.FixedResponses, 7).Build();

        FixedResponseCheck.Run(s);

        var f = s.Findings[CauseId.FixedResponse];
        Assert.Equal(CauseStatus.Confirmed, f.Status);
        Assert.Contains(f.Evidence, e => e.Source == "elasticloadbalancing:DescribeListeners" && e.Resources.SequenceEqual([Shop.ListenerArn]));
        Assert.StartsWith("aws elbv2 modify-listener --listener-arn " + Shop.ListenerArn, f.Fix!.Command, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_RuleFixed503FiringOnAPath_ConfirmsWithModifyRuleOnThatRule()
    {
        var s = TestSessions.HealthyAlb();
        s.Evidence.Rules[Shop.ListenerArn] = [Shop.MaintenanceRule(Shop.FixedResponse("503")), Shop.DefaultRule(Shop.ForwardTo(Shop.WebTgArn))];
        s.Evidence.Metrics = new MetricsBuilder(s.Evidence).With(Http503Metrics.FixedResponses, 90).Build();

        FixedResponseCheck.Run(s);

        var f = s.Findings[CauseId.FixedResponse];
        Assert.Equal(CauseStatus.Confirmed, f.Status);
        Assert.StartsWith("listener HTTP:80 rule 10 answers with a fixed 503", f.Summary, StringComparison.Ordinal);
        Assert.Equal(
            $"aws elbv2 modify-rule --rule-arn {Shop.MaintenanceRuleArn} --actions Type=forward,TargetGroupArn={Shop.WebTgArn} --region eu-west-1",
            f.Fix!.Command);
    }

    [Fact]
    public void Run_MaintenancePageInHtml_EvidenceShowsItsText()
    {
        var s = TestSessions.HealthyAlb();
        var page = Shop.FixedResponse("503", "<html><body><h1>Back soon</h1>\n<p>We&#39;re upgrading the shop.</p></body></html>");
        s.Evidence.Listeners = [Shop.HttpListener(page)];
        s.Evidence.Rules[Shop.ListenerArn] = [Shop.DefaultRule(page)];
        s.Evidence.Metrics = new MetricsBuilder(s.Evidence).With(Http503Metrics.FixedResponses, 30).Build();

        FixedResponseCheck.Run(s);

        Assert.Contains(s.Findings[CauseId.FixedResponse].Evidence, e => e.Text == "listener HTTP:80 default rule answers fixed-response 503 \"Back soon We're upgrading the shop.\".");
    }

    [Fact]
    public void Run_DefaultActionFixed503AndNoTargetGroup_CommandHasAPlaceholderNotADescribe()
    {
        var s = TestSessions.HealthyAlb();
        var maintenance = Shop.FixedResponse("503");
        s.Evidence.Listeners = [Shop.HttpListener(maintenance)];
        s.Evidence.Rules[Shop.ListenerArn] = [Shop.DefaultRule(maintenance)];
        s.Evidence.TargetGroups = [];
        s.Evidence.Metrics = new MetricsBuilder(s.Evidence).With(Http503Metrics.FixedResponses, 30).Build();

        FixedResponseCheck.Run(s);

        Assert.Equal(
            $"aws elbv2 modify-listener --listener-arn {Shop.ListenerArn} --default-actions 'Type=forward,TargetGroupArn=<target-group-arn>' --region eu-west-1",
            s.Findings[CauseId.FixedResponse].Fix!.Command);
    }

    [Fact]
    public void Run_RuleFixed503ThatNeverFired_RulesOutWithoutAFix()
    {
        var s = TestSessions.HealthyAlb();
        s.Evidence.Rules[Shop.ListenerArn] = [Shop.MaintenanceRule(Shop.FixedResponse("503")), Shop.DefaultRule(Shop.ForwardTo(Shop.WebTgArn))];

        FixedResponseCheck.Run(s);

        var f = s.Findings[CauseId.FixedResponse];
        Assert.Equal(CauseStatus.RuledOut, f.Status);
        Assert.Equal("listener HTTP:80 rule 10 would answer 503, but no fixed response fired in the window.", f.Summary);
        Assert.Contains(f.Evidence, e => e.Text == "HTTP_Fixed_Response_Count: 0 in the last 60 min.");
        Assert.Null(f.Fix);
    }

    [Fact]
    public void Run_RuleFixed503WithoutMetrics_Inconclusive()
    {
        var s = TestSessions.HealthyAlb();
        s.Evidence.Rules[Shop.ListenerArn] = [Shop.MaintenanceRule(Shop.FixedResponse("503")), Shop.DefaultRule(Shop.ForwardTo(Shop.WebTgArn))];
        s.Evidence.Metrics = null;

        FixedResponseCheck.Run(s);

        Assert.Equal(CauseStatus.Inconclusive, s.Findings[CauseId.FixedResponse].Status);
    }

    [Theory]
    [InlineData("200")]
    [InlineData("404")]
    public void Run_FixedResponseThatIsNot5xx_IsIgnored(string statusCode)
    {
        var s = TestSessions.HealthyAlb();
        s.Evidence.Rules[Shop.ListenerArn] = [Shop.MaintenanceRule(Shop.FixedResponse(statusCode, "OK")), Shop.DefaultRule(Shop.ForwardTo(Shop.WebTgArn))];
        s.Evidence.Metrics = new MetricsBuilder(s.Evidence).With(Http503Metrics.FixedResponses, 5000).Build();

        FixedResponseCheck.Run(s);

        var f = s.Findings[CauseId.FixedResponse];
        Assert.Equal(CauseStatus.RuledOut, f.Status);
        Assert.Equal("No listener default action or rule answers with a fixed 5xx response.", f.Summary);
    }

    [Fact]
    public void Run_RulesDenied_InconclusiveNamingDescribeRules()
    {
        var s = TestSessions.HealthyAlb();
        s.Evidence.Rules.Clear();
        s.Deny("rules", "elasticloadbalancing", "DescribeRules");

        FixedResponseCheck.Run(s);

        var f = s.Findings[CauseId.FixedResponse];
        Assert.Equal(CauseStatus.Inconclusive, f.Status);
        Assert.Contains("elasticloadbalancing:DescribeRules", f.Summary, StringComparison.Ordinal);
    }
}
