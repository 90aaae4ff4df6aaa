using ChatOpsBot.Runbooks.Causes;
using ChatOpsBot.Runbooks.Http503;
using ChatOpsBot.Runbooks.Http503.Checks;
using ChatOpsBot.Runbooks.Tests.Support;

namespace ChatOpsBot.Runbooks.Tests.Http503.Checks;

public sealed class RegistrationCheckTests
{
    [Fact]
    public void Run_EmptyTargetGroupRoutedByListener_ConfirmsNoRegisteredTargetsWithRegisterTargets()
    {
        var s = TestSessions.HealthyAlb();
        s.Evidence.TargetHealth[Shop.WebTgArn] = [];

        RegistrationCheck.Run(s);

        var f = s.Findings[CauseId.NoRegisteredTargets];
        Assert.Equal(CauseStatus.Confirmed, f.Status);
        Assert.Equal("Target group shop-web has no registered targets.", f.Summary);
        var fact = Assert.Single(f.Evidence);
        Assert.Equal([Shop.WebTgArn], fact.Resources);
        Assert.Contains("listener HTTP:80 default rule forwards to it", fact.Text, StringComparison.Ordinal);
        Assert.Equal(
            $"aws elbv2 register-targets --target-group-arn {Shop.WebTgArn} --targets 'Id=<instance-id>,Port=8080' --region eu-west-1",
            f.Fix!.Command);
    }

    [Fact]
    public void Run_EmptyIpTargetGroup_PlaceholderNamesAPrivateIp()
    {
        var s = TestSessions.HealthyAlb();
        s.Evidence.TargetGroups = [Shop.WebTargetGroup() with { TargetType = "ip" }];
        s.Evidence.TargetHealth[Shop.WebTgArn] = [];

        RegistrationCheck.Run(s);

        Assert.Contains("--targets 'Id=<private-ip>,Port=8080'", s.Findings[CauseId.NoRegisteredTargets].Fix!.Command, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_AllTargetsStopped_ConfirmsWithStartInstances()
    {
        var s = TestSessions.HealthyAlb();
        s.Evidence.TargetHealth[Shop.WebTgArn] =
        [
            Shop.Target(Shop.InstanceA, "unused", "Target.InvalidState", "Target is in the stopped state", Shop.ZoneA),
            Shop.Target(Shop.InstanceB, "unused", "Target.InvalidState", "Target is in the stopped state", Shop.ZoneB),
        ];

        RegistrationCheck.Run(s);

        var f = s.Findings[CauseId.NoRegisteredTargets];
        Assert.Equal(CauseStatus.Confirmed, f.Status);
        Assert.Equal("No target of shop-web is in service.", f.Summary);
        var fact = Assert.Single(f.Evidence);
        Assert.Contains("2 unused (Target.InvalidState)", fact.Text, StringComparison.Ordinal);
        Assert.Equal([Shop.WebTgArn, Shop.InstanceA, Shop.InstanceB], fact.Resources);
        Assert.Equal($"aws ec2 start-instances --instance-ids {Shop.InstanceA} {Shop.InstanceB} --region eu-west-1", f.Fix!.Command);
    }

    [Fact]
    public void Run_AllTargetsDraining_ConfirmsWithRegisterTargets()
    {
        var s = TestSessions.HealthyAlb();
        s.Evidence.TargetHealth[Shop.WebTgArn] =
        [
            Shop.Target(Shop.InstanceA, "draining", "Target.DeregistrationInProgress", zone: Shop.ZoneA),
            Shop.Target(Shop.InstanceB, "draining", "Target.DeregistrationInProgress", zone: Shop.ZoneB),
        ];

        RegistrationCheck.Run(s);

        var f = s.Findings[CauseId.NoRegisteredTargets];
        Assert.Equal(CauseStatus.Confirmed, f.Status);
        Assert.StartsWith("aws elbv2 register-targets --target-group-arn " + Shop.WebTgArn, f.Fix!.Command, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_CrossZoneOffAndAnEnabledZoneWithoutTargets_ConfirmsWithCrossZoneOn()
    {
        var s = TestSessions.HealthyAlb();
        s.Evidence.TargetGroupAttributes[Shop.WebTgArn] = new Dictionary<string, string> { ["load_balancing.cross_zone.enabled"] = "false" };
        s.Evidence.TargetHealth[Shop.WebTgArn] = [Shop.Healthy(Shop.InstanceA, Shop.ZoneA)];
        s.Evidence.Metrics = new MetricsBuilder(s.Evidence).With(Http503Metrics.AzElb503(1), 310).With(Http503Metrics.Elb503, 310).Build();

        RegistrationCheck.Run(s);

        var f = s.Findings[CauseId.NoRegisteredTargets];
        Assert.Equal(CauseStatus.Confirmed, f.Status);
        Assert.Equal("eu-west-1b has no shop-web targets while cross-zone is off.", f.Summary);
        Assert.Contains(f.Evidence, e => e.Resources.SequenceEqual([Shop.WebTgArn, Shop.LbSubnetB]));
        Assert.Contains(f.Evidence, e => e.Text == "HTTPCode_ELB_503_Count in eu-west-1b: 310 in the last 60 min.");
        Assert.Equal(
            $"aws elbv2 modify-target-group-attributes --target-group-arn {Shop.WebTgArn} --attributes Key=load_balancing.cross_zone.enabled,Value=true --region eu-west-1",
            f.Fix!.Command);
    }

    [Fact]
    public void Run_CrossZoneOffAndTargetZoneOnlyFromTheInstance_StillFindsTheEmptyZone()
    {
        var s = TestSessions.HealthyAlb();
        s.Evidence.TargetGroupAttributes[Shop.WebTgArn] = new Dictionary<string, string> { ["load_balancing.cross_zone.enabled"] = "false" };
        s.Evidence.TargetHealth[Shop.WebTgArn] = [Shop.Target(Shop.InstanceB, "healthy")];

        RegistrationCheck.Run(s);

        var f = s.Findings[CauseId.NoRegisteredTargets];
        Assert.Equal(CauseStatus.Confirmed, f.Status);
        Assert.Equal("eu-west-1a has no shop-web targets while cross-zone is off.", f.Summary);
    }

    [Fact]
    public void Run_AlbGroupUsingLoadBalancerConfigurationWithOneZoneEmpty_RulesOutBecauseAlbCrossZoneIsOn()
    {
        var s = TestSessions.HealthyAlb();
        s.Evidence.TargetGroupAttributes[Shop.WebTgArn] = new Dictionary<string, string> { ["load_balancing.cross_zone.enabled"] = "use_load_balancer_configuration" };
        s.Evidence.TargetHealth[Shop.WebTgArn] = [Shop.Healthy(Shop.InstanceA, Shop.ZoneA)];

        RegistrationCheck.Run(s);

        var f = s.Findings[CauseId.NoRegisteredTargets];
        Assert.Equal(CauseStatus.RuledOut, f.Status);
        Assert.Equal("Every routed target group (shop-web) has targets in service in every zone that needs them.", f.Summary);
    }

    [Fact]
    public void Run_NlbWithCrossZoneOffByDefaultAndOneZoneEmpty_Confirms()
    {
        var s = TestSessions.HealthyNlb();
        s.Evidence.TargetHealth[Shop.WebTgArn] = [Shop.Healthy(Shop.InstanceA, Shop.ZoneA)];

        RegistrationCheck.Run(s);

        Assert.Equal(CauseStatus.Confirmed, s.Findings[CauseId.NoRegisteredTargets].Status);
    }

    [Fact]
    public void Run_EmptyTargetGroupNoListenerUses_IsIgnored()
    {
        var s = TestSessions.HealthyAlb();
        s.Evidence.TargetGroups = [Shop.WebTargetGroup(), Shop.ApiTargetGroup()];
        s.Evidence.TargetHealth[Shop.ApiTgArn] = [];

        RegistrationCheck.Run(s);

        var f = s.Findings[CauseId.NoRegisteredTargets];
        Assert.Equal(CauseStatus.RuledOut, f.Status);
        Assert.DoesNotContain("shop-api", f.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_EmptyTargetGroupForwardedWithWeightZero_IsIgnored()
    {
        var s = TestSessions.HealthyAlb();
        var canary = Shop.WeightedForward((Shop.WebTgArn, 100), (Shop.ApiTgArn, 0));
        s.Evidence.Listeners = [Shop.HttpListener(canary)];
        s.Evidence.Rules[Shop.ListenerArn] = [Shop.DefaultRule(canary)];
        s.Evidence.TargetGroups = [Shop.WebTargetGroup(), Shop.ApiTargetGroup()];
        s.Evidence.TargetHealth[Shop.ApiTgArn] = [];

        RegistrationCheck.Run(s);

        Assert.Equal(CauseStatus.RuledOut, s.Findings[CauseId.NoRegisteredTargets].Status);
    }

    [Fact]
    public void Run_EmptyTargetGroupForwardedWithNonZeroWeight_Confirms()
    {
        var s = TestSessions.HealthyAlb();
        var canary = Shop.WeightedForward((Shop.WebTgArn, 90), (Shop.ApiTgArn, 10));
        s.Evidence.Listeners = [Shop.HttpListener(canary)];
        s.Evidence.Rules[Shop.ListenerArn] = [Shop.DefaultRule(canary)];
        s.Evidence.TargetGroups = [Shop.WebTargetGroup(), Shop.ApiTargetGroup()];
        s.Evidence.TargetHealth[Shop.ApiTgArn] = [];

        RegistrationCheck.Run(s);

        var f = s.Findings[CauseId.NoRegisteredTargets];
        Assert.Equal(CauseStatus.Confirmed, f.Status);
        Assert.Contains("--target-group-arn " + Shop.ApiTgArn, f.Fix!.Command, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_TargetHealthDenied_InconclusiveNamingDescribeTargetHealth()
    {
        var s = TestSessions.HealthyAlb();
        s.Evidence.TargetHealth.Clear();
        s.Deny("target health", "elasticloadbalancing", "DescribeTargetHealth");

        RegistrationCheck.Run(s);

        var f = s.Findings[CauseId.NoRegisteredTargets];
        Assert.Equal(CauseStatus.Inconclusive, f.Status);
        Assert.Equal("Could not read the targets of shop-web: missing IAM permission elasticloadbalancing:DescribeTargetHealth.", f.Summary);
    }
}
