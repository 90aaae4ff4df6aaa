using ChatOpsBot.Aws;
using ChatOpsBot.Contract.Tests.Support;
using ChatOpsBot.Runbooks.Evidence.LoadBalancing;

namespace ChatOpsBot.Contract.Tests.Elbv2;

/// <summary>Every ELBv2 (and Classic lookup) call the bot makes, sent by our awsQuery client to moto and parsed back.</summary>
[Collection(MotoCollection.Name)]
public sealed class LoadBalancingContractTests(MotoServer moto) : IDisposable
{
    private readonly Lazy<AwsEvidenceSet> _aws = new(() => MotoAws.Create(moto));

    private SeededEstate Seed => moto.Estate;

    private ILoadBalancingEvidence Elb => _aws.Value.LoadBalancing;

    public void Dispose()
    {
        if (_aws.IsValueCreated)
        {
            _aws.Value.Dispose();
        }
    }

    [SkippableFact]
    public async Task FindLoadBalancer_ByName_ParsesTheSeededAlb()
    {
        moto.SkipIfUnavailable();

        var lookup = await Elb.FindLoadBalancerAsync(Seed.LoadBalancerName, CancellationToken.None);

        var lb = Assert.IsType<LoadBalancerDescription>(lookup.LoadBalancer);
        Assert.False(lookup.ClassicExists);
        Assert.Empty(lookup.KnownNames);
        Assert.Equal(Seed.LoadBalancerArn, lb.Arn);
        Assert.Equal(Seed.LoadBalancerName, lb.Name);
        Assert.Equal(LoadBalancerType.Application, lb.Type);
        Assert.Equal("internet-facing", lb.Scheme);
        Assert.Equal(Seed.VpcId, lb.VpcId);
        Assert.Equal(Seed.LoadBalancerDnsName, lb.DnsName);
        Assert.Equal("active", lb.StateCode);
        Assert.Equal("ipv4", lb.IpAddressType);
        Assert.Equal([Seed.LbSecurityGroupId], lb.SecurityGroupIds);
        Assert.Equal(
            [(Seed.SubnetAZone, Seed.SubnetA), (Seed.SubnetBZone, Seed.SubnetB)],
            lb.Zones.Select(z => (z.ZoneName, z.SubnetId)).Order());
        Assert.Equal(Seed.LoadBalancerDimension, lb.MetricDimension);
        Assert.Equal("us-east-1", lb.Region);
    }

    [SkippableFact]
    public async Task FindLoadBalancer_ByArn_ReturnsTheSameAlb()
    {
        moto.SkipIfUnavailable();

        var lookup = await Elb.FindLoadBalancerAsync(Seed.LoadBalancerArn, CancellationToken.None);

        Assert.Equal(Seed.LoadBalancerArn, lookup.LoadBalancer?.Arn);
        Assert.Equal(Seed.LoadBalancerName, lookup.LoadBalancer?.Name);
        Assert.False(lookup.ClassicExists);
    }

    [SkippableFact]
    public async Task FindLoadBalancer_UnknownName_ListsKnownNamesAndAsksClassicWhichHasNone()
    {
        moto.SkipIfUnavailable();

        var lookup = await Elb.FindLoadBalancerAsync("no-such-alb", CancellationToken.None);

        Assert.Null(lookup.LoadBalancer);
        Assert.False(lookup.ClassicExists);
        Assert.Equal([Seed.LoadBalancerName], lookup.KnownNames);
    }

    [SkippableFact]
    public async Task FindLoadBalancer_ClassicName_ReportsClassicExistsThroughTheClassicApi()
    {
        moto.SkipIfUnavailable();

        var lookup = await Elb.FindLoadBalancerAsync(Seed.ClassicLoadBalancerName, CancellationToken.None);

        Assert.Null(lookup.LoadBalancer);
        Assert.True(lookup.ClassicExists);
        Assert.Equal([Seed.LoadBalancerName], lookup.KnownNames);
    }

    [SkippableFact]
    public async Task GetListeners_SeededAlb_ParsesPortProtocolAndForwardDefault()
    {
        moto.SkipIfUnavailable();

        var listeners = await Elb.GetListenersAsync(Seed.LoadBalancerArn, CancellationToken.None);

        var listener = Assert.Single(listeners);
        Assert.Equal(Seed.ListenerArn, listener.Arn);
        Assert.Equal(Seed.LoadBalancerArn, listener.LoadBalancerArn);
        Assert.Equal(80, listener.Port);
        Assert.Equal("HTTP", listener.Protocol);
        var action = Assert.Single(listener.DefaultActions);
        Assert.Equal("forward", action.Type);
        Assert.Null(action.FixedResponse);
        Assert.Equal([Seed.WebTargetGroupArn], action.TargetGroups.Select(g => g.TargetGroupArn));
    }

    [SkippableFact]
    public async Task GetRules_SeededListener_ParsesPathConditionsFixedResponseAndDefaultRule()
    {
        moto.SkipIfUnavailable();

        var rules = await Elb.GetRulesAsync(Seed.ListenerArn, CancellationToken.None);

        Assert.Equal(3, rules.Count);
        Assert.All(rules, r => Assert.Equal(Seed.ListenerArn, r.ListenerArn));

        var maintenance = Assert.Single(rules, r => r.Arn == Seed.MaintenanceRuleArn);
        Assert.Equal("10", maintenance.Priority);
        Assert.False(maintenance.IsDefault);
        Assert.Equal(["path-pattern: /maintenance/*"], maintenance.Conditions);
        var fixedAction = Assert.Single(maintenance.Actions);
        Assert.Equal("fixed-response", fixedAction.Type);
        Assert.Empty(fixedAction.TargetGroups);
        Assert.Equal(new FixedResponseAction("503", "text/plain", "down for maintenance"), fixedAction.FixedResponse);

        var api = Assert.Single(rules, r => r.Arn == Seed.ApiRuleArn);
        Assert.Equal("20", api.Priority);
        Assert.False(api.IsDefault);
        Assert.Equal(["path-pattern: /api/*"], api.Conditions);
        var forward = Assert.Single(api.Actions);
        Assert.Equal("forward", forward.Type);
        Assert.Equal([Seed.ApiTargetGroupArn], forward.TargetGroups.Select(g => g.TargetGroupArn));

        var fallback = Assert.Single(rules, r => r.IsDefault);
        Assert.Equal("default", fallback.Priority);
        Assert.Empty(fallback.Conditions);
        Assert.Equal([Seed.WebTargetGroupArn], Assert.Single(fallback.Actions).TargetGroups.Select(g => g.TargetGroupArn));
    }

    [SkippableFact]
    public async Task GetTargetGroups_SeededAlb_ParsesBothGroupsWithHealthCheckSettingsAndMatcher()
    {
        moto.SkipIfUnavailable();

        var groups = await Elb.GetTargetGroupsAsync(Seed.LoadBalancerArn, CancellationToken.None);

        Assert.Equal([Seed.ApiTargetGroupArn, Seed.WebTargetGroupArn], groups.Select(g => g.Arn).Order(StringComparer.Ordinal));

        var web = Assert.Single(groups, g => g.Arn == Seed.WebTargetGroupArn);
        Assert.Equal("contract-web", web.Name);
        Assert.Equal("HTTP", web.Protocol);
        Assert.Equal(8080, web.Port);
        Assert.Equal(Seed.VpcId, web.VpcId);
        Assert.Equal("instance", web.TargetType);
        Assert.Equal([Seed.LoadBalancerArn], web.LoadBalancerArns);
        Assert.Equal(Seed.WebTargetGroupDimension, web.MetricDimension);
        Assert.Equal(
            new HealthCheckSettings(
                Enabled: true,
                Protocol: "HTTP",
                Port: "8081",
                Path: "/healthz",
                IntervalSeconds: 15,
                TimeoutSeconds: 4,
                HealthyThreshold: 3,
                UnhealthyThreshold: 4,
                MatcherHttpCode: "200-299",
                MatcherGrpcCode: null),
            web.HealthCheck);

        var api = Assert.Single(groups, g => g.Arn == Seed.ApiTargetGroupArn);
        Assert.Equal("contract-api", api.Name);
        Assert.Equal("HTTP", api.Protocol);
        Assert.Equal(9090, api.Port);
        Assert.Equal("ip", api.TargetType);
        Assert.Equal([Seed.LoadBalancerArn], api.LoadBalancerArns);
        Assert.Equal("traffic-port", api.HealthCheck.Port);
        Assert.Equal("/ready", api.HealthCheck.Path);
        Assert.Equal("200,204", api.HealthCheck.MatcherHttpCode);
    }

    [SkippableFact]
    public async Task GetTargetHealth_InstanceGroup_ParsesHealthyRunningAndUnusedStoppedInstances()
    {
        moto.SkipIfUnavailable();

        var health = await Elb.GetTargetHealthAsync(Seed.WebTargetGroupArn, CancellationToken.None);

        Assert.Equal(
            Seed.Instances.Select(i => i.InstanceId).Append(Seed.StoppedInstanceId).Order(StringComparer.Ordinal),
            health.Select(h => h.TargetId).Order(StringComparer.Ordinal));
        Assert.All(health, h =>
        {
            Assert.Equal(8080, h.Port);
            Assert.Equal("8081", h.HealthCheckPort);
        });
        Assert.All(health.Where(h => h.TargetId != Seed.StoppedInstanceId), h =>
        {
            Assert.Equal("healthy", h.State);
            Assert.Null(h.Reason);
            Assert.Null(h.Description);
        });
        var stopped = Assert.Single(health, h => h.TargetId == Seed.StoppedInstanceId);
        Assert.Equal("unused", stopped.State);
        Assert.Equal("Target.InvalidState", stopped.Reason);
        Assert.Equal("Target is in the stopped state", stopped.Description);
    }

    [SkippableFact]
    public async Task GetTargetHealth_IpGroup_ParsesTheIpTarget()
    {
        moto.SkipIfUnavailable();

        var health = await Elb.GetTargetHealthAsync(Seed.ApiTargetGroupArn, CancellationToken.None);

        var target = Assert.Single(health);
        Assert.Equal(Seed.IpTarget, target.TargetId);
        Assert.Equal(9090, target.Port);
        Assert.Equal("traffic-port", target.HealthCheckPort);
        Assert.Equal("healthy", target.State);
    }

    [SkippableFact]
    public async Task GetTargetGroupAttributes_WebGroup_ReturnsTheAttributesSet()
    {
        moto.SkipIfUnavailable();

        var attributes = await Elb.GetTargetGroupAttributesAsync(Seed.WebTargetGroupArn, CancellationToken.None);

        foreach (var (key, value) in Seed.WebTargetGroupAttributes)
        {
            Assert.Equal(value, attributes.GetValueOrDefault(key));
        }
    }

    [SkippableFact]
    public async Task GetLoadBalancerAttributes_SeededAlb_ReturnsTheAttributesSet()
    {
        moto.SkipIfUnavailable();

        var attributes = await Elb.GetLoadBalancerAttributesAsync(Seed.LoadBalancerArn, CancellationToken.None);

        foreach (var (key, value) in Seed.LoadBalancerAttributes)
        {
            Assert.Equal(value, attributes.GetValueOrDefault(key));
        }
    }

    [SkippableFact]
    public async Task GetCapacityReservation_SeededAlb_ParsesNoReservationAndAProvisionedState()
    {
        moto.SkipIfUnavailable();

        var capacity = await Elb.GetCapacityReservationAsync(Seed.LoadBalancerArn, CancellationToken.None);

        Assert.Null(capacity.MinimumCapacityUnits);
        var zone = Assert.Single(capacity.Zones);
        Assert.Equal("provisioned", zone.StateCode);
    }
}
