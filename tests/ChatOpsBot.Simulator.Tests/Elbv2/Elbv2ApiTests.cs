using ChatOpsBot.Simulator.Scenarios;

namespace ChatOpsBot.Simulator.Tests.Elbv2;

public sealed class Elbv2ApiTests
{
    private const string LbArn = "arn:aws:elasticloadbalancing:us-east-1:123456789012:loadbalancer/app/demo-alb/50dc6c495c0c9188";
    private const string TgArn = "arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/web/73e2d6bc24d8a067";
    private const string ListenerArn = "arn:aws:elasticloadbalancing:us-east-1:123456789012:listener/app/demo-alb/50dc6c495c0c9188/f2f7dc8efc522ab2";

    [Fact]
    public async Task DescribeLoadBalancers_ByName_ReturnsTheAlbInTheAwsShape()
    {
        await using var sim = await SimulatorHarness.StartAsync("healthy-baseline");

        var (status, root) = await sim.ElbAsync(("Action", "DescribeLoadBalancers"), ("Names.member.1", "demo-alb"));

        Assert.Equal(200, status);
        Assert.Equal("DescribeLoadBalancersResponse", root.Name.LocalName);
        Assert.Equal("http://elasticloadbalancing.amazonaws.com/doc/2015-12-01/", root.Name.NamespaceName);
        var lb = Assert.Single(root.Members("LoadBalancers"));
        Assert.Equal(LbArn, lb.Text("LoadBalancerArn"));
        Assert.Equal("application", lb.Text("Type"));
        Assert.Equal("active", lb.Child("State").Text("Code"));
        Assert.Equal(["us-east-1a", "us-east-1b"], lb.Members("AvailabilityZones").Select(z => z.Text("ZoneName")));
        Assert.Single(lb.Members("SecurityGroups"));
        Assert.NotNull(root.Text("RequestId"));
    }

    [Fact]
    public async Task DescribeLoadBalancers_UnknownName_AnswersLoadBalancerNotFoundErrorResponse()
    {
        await using var sim = await SimulatorHarness.StartAsync("healthy-baseline");

        var (status, root) = await sim.ElbAsync(("Action", "DescribeLoadBalancers"), ("Names.member.1", "nope"));

        Assert.Equal(400, status);
        Assert.Equal("ErrorResponse", root.Name.LocalName);
        Assert.Equal("Sender", root.Text("Type"));
        Assert.Equal("LoadBalancerNotFound", root.Text("Code"));
        Assert.Contains("nope", root.Text("Message"), StringComparison.Ordinal);
        Assert.NotNull(root.Text("RequestId"));
    }

    [Fact]
    public async Task DescribeLoadBalancers_ScenarioPageSize_PagesWithNextMarker()
    {
        var baseline = ScenarioCatalog.Load("healthy-baseline");
        var second = baseline.LoadBalancers[0] with
        {
            Name = "second-alb",
            Arn = LbArn.Replace("demo-alb/50dc6c495c0c9188", "second-alb/0123456789abcdef", StringComparison.Ordinal),
            Listeners = [],
        };
        await using var sim = await SimulatorHarness.StartAsync(baseline with { PageSize = 1, LoadBalancers = [.. baseline.LoadBalancers, second] });

        var (_, first) = await sim.ElbAsync(("Action", "DescribeLoadBalancers"));
        var marker = first.Text("NextMarker");
        Assert.NotNull(marker);
        var (_, last) = await sim.ElbAsync(("Action", "DescribeLoadBalancers"), ("Marker", marker));

        Assert.Equal("demo-alb", Assert.Single(first.Members("LoadBalancers")).Text("LoadBalancerName"));
        Assert.Equal("second-alb", Assert.Single(last.Members("LoadBalancers")).Text("LoadBalancerName"));
        Assert.Null(last.Text("NextMarker"));
    }

    [Fact]
    public async Task DescribeListenersAndRules_ForwardAction_HasForwardConfigAndDefaultRule()
    {
        await using var sim = await SimulatorHarness.StartAsync("healthy-baseline");

        var (_, listeners) = await sim.ElbAsync(("Action", "DescribeListeners"), ("LoadBalancerArn", LbArn));
        var (_, rules) = await sim.ElbAsync(("Action", "DescribeRules"), ("ListenerArn", ListenerArn));

        var listener = Assert.Single(listeners.Members("Listeners"));
        Assert.Equal("80", listener.Text("Port"));
        var action = Assert.Single(listener.Members("DefaultActions"));
        Assert.Equal("forward", action.Text("Type"));
        Assert.Equal(TgArn, action.Child("TargetGroupArn").Value);
        Assert.Equal("1", action.Child("ForwardConfig").Members("TargetGroups").Single().Text("Weight"));
        var rule = Assert.Single(rules.Members("Rules"));
        Assert.Equal("default", rule.Text("Priority"));
        Assert.Equal("true", rule.Text("IsDefault"));
    }

    [Fact]
    public async Task DescribeTargetGroups_ByLoadBalancer_ReturnsHealthCheckSettings()
    {
        await using var sim = await SimulatorHarness.StartAsync("sg-blocks-health-check");

        var (_, root) = await sim.ElbAsync(("Action", "DescribeTargetGroups"), ("LoadBalancerArn", LbArn));

        var tg = Assert.Single(root.Members("TargetGroups"));
        Assert.Equal("web", tg.Text("TargetGroupName"));
        Assert.Equal("8080", tg.Text("HealthCheckPort"));
        Assert.Equal("/health", tg.Text("HealthCheckPath"));
        Assert.Equal("200", tg.Child("Matcher").Text("HttpCode"));
        Assert.Equal(LbArn, Assert.Single(tg.Members("LoadBalancerArns")).Value);
    }

    [Fact]
    public async Task DescribeTargetHealth_SgBlocksHealthCheck_BothTargetsTimeOut()
    {
        await using var sim = await SimulatorHarness.StartAsync("sg-blocks-health-check");

        var (_, root) = await sim.ElbAsync(("Action", "DescribeTargetHealth"), ("TargetGroupArn", TgArn), ("Include.member.1", "All"));

        var members = root.Members("TargetHealthDescriptions").ToArray();
        Assert.Equal(2, members.Length);
        Assert.All(members, m =>
        {
            Assert.Equal("unhealthy", m.Child("TargetHealth").Text("State"));
            Assert.Equal("Target.Timeout", m.Child("TargetHealth").Text("Reason"));
            Assert.Equal("8080", m.Text("HealthCheckPort"));
            Assert.Equal("normal", m.Child("AnomalyDetection").Text("Result"));
        });
    }

    [Fact]
    public async Task DescribeAttributesAndCapacity_ReturnKeyValueMembers()
    {
        await using var sim = await SimulatorHarness.StartAsync("healthy-baseline");

        var (_, tgAttributes) = await sim.ElbAsync(("Action", "DescribeTargetGroupAttributes"), ("TargetGroupArn", TgArn));
        var (_, lbAttributes) = await sim.ElbAsync(("Action", "DescribeLoadBalancerAttributes"), ("LoadBalancerArn", LbArn));
        var (status, capacity) = await sim.ElbAsync(("Action", "DescribeCapacityReservation"), ("LoadBalancerArn", LbArn));

        var tg = tgAttributes.Members("Attributes").ToDictionary(m => m.Text("Key")!, m => m.Text("Value"));
        Assert.Equal("60", tg["deregistration_delay.timeout_seconds"]);
        Assert.Equal("round_robin", tg["load_balancing.algorithm.type"]);
        var lb = lbAttributes.Members("Attributes").ToDictionary(m => m.Text("Key")!, m => m.Text("Value"));
        Assert.Equal("60", lb["idle_timeout.timeout_seconds"]);
        Assert.Equal(200, status);
        Assert.Equal("2", capacity.Text("DecreaseRequestsRemaining"));
    }

    [Fact]
    public async Task UnknownTargetGroup_AnswersTargetGroupNotFound()
    {
        await using var sim = await SimulatorHarness.StartAsync("healthy-baseline");

        var (status, root) = await sim.ElbAsync(("Action", "DescribeTargetHealth"), ("TargetGroupArn", TgArn + "0"));

        Assert.Equal(400, status);
        Assert.Equal("TargetGroupNotFound", root.Text("Code"));
    }

    [Fact]
    public async Task UnknownAction_AnswersInvalidAction()
    {
        await using var sim = await SimulatorHarness.StartAsync("healthy-baseline");

        var (status, root) = await sim.ElbAsync(("Action", "DeleteLoadBalancer"), ("LoadBalancerArn", LbArn));

        Assert.Equal(400, status);
        Assert.Equal("InvalidAction", root.Text("Code"));
    }

    [Fact]
    public async Task ClassicDescribeLoadBalancers_KnownAndUnknownNames()
    {
        var scenario = ScenarioCatalog.Load("healthy-baseline") with { ClassicLoadBalancers = [new ScenarioClassicLoadBalancer { Name = "legacy-elb" }] };
        await using var sim = await SimulatorHarness.StartAsync(scenario);

        var (ok, found) = await sim.PostQueryAsync("elasticloadbalancing",
            [new("Action", "DescribeLoadBalancers"), new("Version", "2012-06-01"), new("LoadBalancerNames.member.1", "legacy-elb")]);
        var (missing, error) = await sim.PostQueryAsync("elasticloadbalancing",
            [new("Action", "DescribeLoadBalancers"), new("Version", "2012-06-01"), new("LoadBalancerNames.member.1", "demo-alb")]);

        Assert.Equal(200, ok);
        Assert.Equal("legacy-elb", Assert.Single(found.Members("LoadBalancerDescriptions")).Text("LoadBalancerName"));
        Assert.Equal(400, missing);
        Assert.Equal("LoadBalancerNotFound", error.Text("Code"));
        Assert.All(sim.Aws.Requests, r => Assert.Equal("elb", r.Service));
    }
}
