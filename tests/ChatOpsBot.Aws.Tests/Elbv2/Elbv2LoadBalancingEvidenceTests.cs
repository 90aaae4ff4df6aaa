using ChatOpsBot.Aws.Tests.Infrastructure;
using ChatOpsBot.Runbooks.Evidence;
using ChatOpsBot.Runbooks.Evidence.LoadBalancing;

namespace ChatOpsBot.Aws.Tests.Elbv2;

public sealed class Elbv2LoadBalancingEvidenceTests
{
    private const string Arn = "arn:aws:elasticloadbalancing:us-west-2:123456789012:loadbalancer/app/my-load-balancer/50dc6c495c0c9188";

    [Fact]
    public async Task FindLoadBalancer_ByName_OneCallWithNamesMember()
    {
        await using var server = await FakeAwsServer.StartAsync(_ => CannedResponse.Xml(Fixtures.Read("elbv2/DescribeLoadBalancers.xml")));
        using var aws = TestAws.Create(server);

        var lookup = await aws.LoadBalancing.FindLoadBalancerAsync("my-load-balancer", CancellationToken.None);

        Assert.Equal("my-load-balancer", lookup.LoadBalancer?.Name);
        Assert.False(lookup.ClassicExists);
        var request = Assert.Single(server.Requests);
        Assert.Equal("Action=DescribeLoadBalancers&Version=2015-12-01&Names.member.1=my-load-balancer", request.Body);
    }

    [Fact]
    public async Task FindLoadBalancer_ByArn_UsesLoadBalancerArnsMember()
    {
        await using var server = await FakeAwsServer.StartAsync(_ => CannedResponse.Xml(Fixtures.Read("elbv2/DescribeLoadBalancers.xml")));
        using var aws = TestAws.Create(server);

        var lookup = await aws.LoadBalancing.FindLoadBalancerAsync(Arn, CancellationToken.None);

        Assert.Equal(Arn, lookup.LoadBalancer?.Arn);
        Assert.Equal(Arn, Assert.Single(server.Requests).FormValue("LoadBalancerArns.member.1"));
    }

    [Fact]
    public async Task FindLoadBalancer_NotFound_ListsKnownNamesAcrossPagesAndAsksClassic()
    {
        // The name listing and the Classic check must be in flight together: each answer waits until both have
        // arrived, which only happens if the client sent them concurrently (a serial client times out the barrier).
        using var bothInFlight = new CountdownEvent(2);
        CannedResponse Together(CannedResponse response)
        {
            bothInFlight.Signal();
            Assert.True(bothInFlight.Wait(TimeSpan.FromSeconds(10)), "the listing and the Classic check were not sent concurrently");
            return response;
        }

        await using var server = await FakeAwsServer.StartAsync(request => (request.FormValue("Version"), request.FormValue("Names.member.1"), request.FormValue("Marker")) switch
        {
            ("2015-12-01", "missing", _) => new CannedResponse(400, Fixtures.Read("errors/ELB-LoadBalancerNotFound.xml")),
            ("2015-12-01", null, null) => Together(CannedResponse.Xml(LbPage(["web-b", "api"], "page2"))),
            ("2015-12-01", null, "page2") => CannedResponse.Xml(LbPage(["web-a"], null)),
            ("2012-06-01", _, _) => Together(CannedResponse.Xml("""
                <DescribeLoadBalancersResponse xmlns="http://elasticloadbalancing.amazonaws.com/doc/2012-06-01/">
                  <DescribeLoadBalancersResult><LoadBalancerDescriptions><member><LoadBalancerName>missing</LoadBalancerName></member></LoadBalancerDescriptions></DescribeLoadBalancersResult>
                </DescribeLoadBalancersResponse>
                """)),
            _ => CannedResponse.QueryError(400, "ValidationError", "unexpected"),
        });
        using var aws = TestAws.Create(server);
        using var scope = EvidenceCallLog.Begin(out var log);

        var lookup = await aws.LoadBalancing.FindLoadBalancerAsync("missing", CancellationToken.None);

        Assert.Null(lookup.LoadBalancer);
        Assert.True(lookup.ClassicExists);
        Assert.Equal(["api", "web-a", "web-b"], lookup.KnownNames);
        var classic = Assert.Single(server.Requests, r => r.FormValue("Version") == "2012-06-01");
        Assert.Equal("Action=DescribeLoadBalancers&Version=2012-06-01&LoadBalancerNames.member.1=missing", classic.Body);
        Assert.Contains("elasticloadbalancing/aws4_request", classic.Header("Authorization"), StringComparison.Ordinal);
        Assert.Equal("400", Assert.Single(server.Requests, r => r.FormValue("Version") == "2015-12-01" && r.FormValue("Marker") is null && r.FormValue("Names.member.1") is null).FormValue("PageSize"));
        Assert.Equal(4, log.Calls.Count);
        Assert.Equal(3, log.SequentialWaves()); // lookup, then (list page 1 ‖ classic), then list page 2
    }

    [Theory]
    [InlineData(400, "LoadBalancerNotFound")]
    [InlineData(403, "AccessDenied")]
    public async Task FindLoadBalancer_ClassicApiSaysNoOrDenies_ClassicExistsIsFalse(int status, string code)
    {
        await using var server = await FakeAwsServer.StartAsync(request => request.FormValue("Version") == "2012-06-01"
            ? CannedResponse.QueryError(status, code, "nope")
            : request.FormValue("Names.member.1") is not null
                ? CannedResponse.QueryError(400, "LoadBalancerNotFound", "One or more load balancers not found")
                : CannedResponse.Xml(LbPage([], null)));
        using var aws = TestAws.Create(server);

        var lookup = await aws.LoadBalancing.FindLoadBalancerAsync("missing", CancellationToken.None);

        Assert.Null(lookup.LoadBalancer);
        Assert.False(lookup.ClassicExists);
        Assert.Empty(lookup.KnownNames);
    }

    [Fact]
    public async Task GetListeners_TwoPages_ReturnsAllWithDefaultActions()
    {
        await using var server = await FakeAwsServer.StartAsync(request => CannedResponse.Xml(request.FormValue("Marker") is null
            ? ListenerPage("arn:l/1", 80, "<NextMarker>n</NextMarker>")
            : ListenerPage("arn:l/2", 443, string.Empty)));
        using var aws = TestAws.Create(server);

        var listeners = await aws.LoadBalancing.GetListenersAsync(Arn, CancellationToken.None);

        Assert.Equal([80, 443], listeners.Select(l => l.Port));
        Assert.Equal("fixed-response", listeners[0].DefaultActions[0].Type);
        Assert.Equal("503", listeners[0].DefaultActions[0].FixedResponse?.StatusCode);
        Assert.All(server.Requests, r => Assert.Equal(Arn, r.FormValue("LoadBalancerArn")));
    }

    [Fact]
    public async Task GetRules_DefaultRule_IsDefaultAndCarriesListenerArn()
    {
        await using var server = await FakeAwsServer.StartAsync(_ => CannedResponse.Xml("""
            <DescribeRulesResponse xmlns="http://elasticloadbalancing.amazonaws.com/doc/2015-12-01/">
              <DescribeRulesResult><Rules><member>
                <IsDefault>true</IsDefault><Priority>default</Priority><RuleArn>arn:r/d</RuleArn><Conditions/>
                <Actions><member><Type>forward</Type><TargetGroupArn>arn:tg/1</TargetGroupArn></member></Actions>
              </member></Rules></DescribeRulesResult>
            </DescribeRulesResponse>
            """));
        using var aws = TestAws.Create(server);

        var rule = Assert.Single(await aws.LoadBalancing.GetRulesAsync("arn:l/1", CancellationToken.None));

        Assert.Equal(new RuleDescription("arn:r/d", "arn:l/1", "default", true, rule.Actions, []), rule with { Conditions = [] });
        Assert.Equal([new WeightedTargetGroup("arn:tg/1", null)], rule.Actions[0].TargetGroups);
    }

    [Fact]
    public async Task GetTargetHealthAndAttributes_MapResponses()
    {
        await using var server = await FakeAwsServer.StartAsync(request => CannedResponse.Xml(request.Action switch
        {
            "DescribeTargetHealth" => Fixtures.Read("constructed/DescribeTargetHealth.unhealthy-anomaly.xml"),
            "DescribeTargetGroupAttributes" => AttributesXml("DescribeTargetGroupAttributes", ("deregistration_delay.timeout_seconds", "300"), ("slow_start.duration_seconds", "0")),
            "DescribeLoadBalancerAttributes" => AttributesXml("DescribeLoadBalancerAttributes", ("idle_timeout.timeout_seconds", "60")),
            "DescribeTargetGroups" => Fixtures.Read("elbv2/DescribeTargetGroups.xml"),
            _ => "<Unknown/>",
        }));
        using var aws = TestAws.Create(server);

        var health = await aws.LoadBalancing.GetTargetHealthAsync("arn:tg/1", CancellationToken.None);
        var tgAttributes = await aws.LoadBalancing.GetTargetGroupAttributesAsync("arn:tg/1", CancellationToken.None);
        var lbAttributes = await aws.LoadBalancing.GetLoadBalancerAttributesAsync(Arn, CancellationToken.None);
        var groups = await aws.LoadBalancing.GetTargetGroupsAsync(Arn, CancellationToken.None);

        Assert.Equal(["Target.ResponseCodeMismatch", "Target.Timeout", "Target.NotInUse"], health.Select(h => h.Reason));
        Assert.Equal("300", tgAttributes["deregistration_delay.timeout_seconds"]);
        Assert.Equal("60", lbAttributes["idle_timeout.timeout_seconds"]);
        Assert.Equal("my-targets", Assert.Single(groups).Name);
        Assert.Equal(Arn, server.Requests.Single(r => r.Action == "DescribeTargetGroups").FormValue("LoadBalancerArn"));
    }

    private static string LbPage(IEnumerable<string> names, string? next) => $"""
        <DescribeLoadBalancersResponse xmlns="http://elasticloadbalancing.amazonaws.com/doc/2015-12-01/">
          <DescribeLoadBalancersResult>
            <LoadBalancers>{string.Concat(names.Select(n => $"<member><LoadBalancerName>{n}</LoadBalancerName><LoadBalancerArn>arn:{n}</LoadBalancerArn></member>"))}</LoadBalancers>
            {(next is null ? string.Empty : $"<NextMarker>{next}</NextMarker>")}
          </DescribeLoadBalancersResult>
        </DescribeLoadBalancersResponse>
        """;

    private static string ListenerPage(string arn, int port, string marker) => $"""
        <DescribeListenersResponse xmlns="http://elasticloadbalancing.amazonaws.com/doc/2015-12-01/">
          <DescribeListenersResult>
            <Listeners><member>
              <DefaultActions><member><Type>fixed-response</Type><FixedResponseConfig><StatusCode>503</StatusCode></FixedResponseConfig></member></DefaultActions>
              <Protocol>HTTP</Protocol><Port>{port}</Port><ListenerArn>{arn}</ListenerArn><LoadBalancerArn>{Arn}</LoadBalancerArn>
            </member></Listeners>
            {marker}
          </DescribeListenersResult>
        </DescribeListenersResponse>
        """;

    private static string AttributesXml(string action, params (string Key, string Value)[] attributes) => $"""
        <{action}Response xmlns="http://elasticloadbalancing.amazonaws.com/doc/2015-12-01/">
          <{action}Result><Attributes>{string.Concat(attributes.Select(a => $"<member><Value>{a.Value}</Value><Key>{a.Key}</Key></member>"))}</Attributes></{action}Result>
        </{action}Response>
        """;
}
