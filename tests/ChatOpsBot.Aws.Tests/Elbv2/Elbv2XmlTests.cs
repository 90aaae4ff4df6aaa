using System.Text.Json;
using ChatOpsBot.Aws.Elbv2;
using ChatOpsBot.Aws.Query;
using ChatOpsBot.Aws.Tests.Infrastructure;
using ChatOpsBot.Runbooks.Evidence.LoadBalancing;

namespace ChatOpsBot.Aws.Tests.Elbv2;

public sealed class Elbv2XmlTests
{
    [Fact]
    public void LoadBalancers_AwsDocSample_MapsEveryField()
    {
        var result = QueryXml.ResultOf(QueryXml.Parse(Fixtures.Read("elbv2/DescribeLoadBalancers.xml")), "DescribeLoadBalancers");

        var lb = Assert.Single(Elbv2Xml.LoadBalancers(result));

        Assert.Equal("arn:aws:elasticloadbalancing:us-west-2:123456789012:loadbalancer/app/my-load-balancer/50dc6c495c0c9188", lb.Arn);
        Assert.Equal("my-load-balancer", lb.Name);
        Assert.Equal(LoadBalancerType.Application, lb.Type);
        Assert.Equal("internet-facing", lb.Scheme);
        Assert.Equal("vpc-3ac0fb5f", lb.VpcId);
        Assert.Equal("my-load-balancer-424835706.us-west-2.elb.amazonaws.com", lb.DnsName);
        Assert.Equal("active", lb.StateCode);
        Assert.Null(lb.StateReason);
        Assert.Equal(["us-west-2a", "us-west-2b"], lb.Zones.Select(z => z.ZoneName));
        Assert.Equal(["subnet-8360a9e7", "subnet-b7d581c0"], lb.Zones.Select(z => z.SubnetId));
        Assert.All(lb.Zones, z => Assert.Empty(z.Addresses));
        Assert.Equal(["sg-5943793c"], lb.SecurityGroupIds);
        Assert.Equal("ipv4", lb.IpAddressType);
        Assert.Equal("app/my-load-balancer/50dc6c495c0c9188", lb.MetricDimension);
    }

    [Fact]
    public void TargetGroups_AwsDocSample_MapsHealthCheckAndDefaults()
    {
        var result = QueryXml.ResultOf(QueryXml.Parse(Fixtures.Read("elbv2/DescribeTargetGroups.xml")), "DescribeTargetGroups");

        var tg = Elbv2Xml.TargetGroup(Assert.Single(result.Members("TargetGroups")));

        Assert.Equal("my-targets", tg.Name);
        Assert.Equal("HTTP", tg.Protocol);
        Assert.Equal(80, tg.Port);
        Assert.Equal("vpc-3ac0fb5f", tg.VpcId);
        Assert.Equal("instance", tg.TargetType);
        Assert.Equal(new HealthCheckSettings(true, "HTTP", "traffic-port", "/", 30, 5, 5, 2, "200", null), tg.HealthCheck);
        Assert.Equal(["arn:aws:elasticloadbalancing:us-west-2:123456789012:loadbalancer/app/my-load-balancer/50dc6c495c0c9188"], tg.LoadBalancerArns);
        Assert.Equal("targetgroup/my-targets/73e2d6bc24d8a067", tg.MetricDimension);
    }

    [Fact]
    public void TargetHealth_AwsDocSampleWithTargetHealthBeforeTarget_ReadsBoth()
    {
        var result = QueryXml.ResultOf(QueryXml.Parse(Fixtures.Read("elbv2/DescribeTargetHealth.xml")), "DescribeTargetHealth");

        var targets = result.Members("TargetHealthDescriptions").Select(Elbv2Xml.TargetHealth).ToList();

        Assert.Equal(2, targets.Count);
        Assert.All(targets, t => Assert.Equal(new TargetHealthDescription("i-0f76fade", 80, null, "80", "healthy", null, null), t));
    }

    [Fact]
    public void TargetHealth_UnhealthyAnomalySample_ReadsReasonsAndDescriptions()
    {
        var xml = Fixtures.Read("constructed/DescribeTargetHealth.unhealthy-anomaly.xml");
        var result = QueryXml.ResultOf(QueryXml.Parse(xml), "DescribeTargetHealth");

        var targets = result.Members("TargetHealthDescriptions").Select(Elbv2Xml.TargetHealth).ToList();

        Assert.Equal(
            [
                new TargetHealthDescription("i-0123456789abcdef0", 8080, null, "8080", "unhealthy", "Target.ResponseCodeMismatch", "Health checks failed with these codes: [404]"),
                new TargetHealthDescription("i-0fedcba9876543210", 8080, null, "8080", "unhealthy", "Target.Timeout", "Request timed out"),
                new TargetHealthDescription("i-0aaaaaaaaaaaaaaaa", 8080, null, "8080", "unused", "Target.NotInUse", "Target is in an Availability Zone that is not enabled for the load balancer"),
            ],
            targets);
    }

    [Theory]
    [InlineData("elbv2/DescribeLoadBalancers.xml")]
    [InlineData("elbv2/DescribeTargetGroups.xml")]
    [InlineData("elbv2/DescribeTargetHealth.xml")]
    [InlineData("constructed/DescribeTargetHealth.unhealthy-anomaly.xml")]
    public void Parse_ChildrenInReverseOrder_GivesTheSameRecords(string fixture)
    {
        var original = Fixtures.Read(fixture);
        var reversed = XmlShuffle.ReverseStructureOrder(original);
        Assert.NotEqual(original, reversed);

        Assert.Equal(ParseAll(original), ParseAll(reversed));
    }

    [Fact]
    public void Rule_ForwardConfigAndTargetGroupArn_MergedWithoutDuplicates()
    {
        var member = QueryXml.Parse("""
            <member xmlns="http://elasticloadbalancing.amazonaws.com/doc/2015-12-01/">
              <Conditions>
                <member><Field>path-pattern</Field><PathPatternConfig><Values><member>/api/*</member><member>/v2/*</member></Values></PathPatternConfig><Values><member>/api/*</member></Values></member>
                <member><Field>host-header</Field><HostHeaderConfig><Values><member>a.example.com</member></Values></HostHeaderConfig></member>
                <member><Field>http-header</Field><HttpHeaderConfig><HttpHeaderName>X-Env</HttpHeaderName><Values><member>blue</member></Values></HttpHeaderConfig></member>
                <member><Field>query-string</Field><QueryStringConfig><Values><member><Key>version</Key><Value>2</Value></member><member><Value>beta</Value></member></Values></QueryStringConfig></member>
              </Conditions>
              <Actions>
                <member>
                  <Order>2</Order>
                  <Type>fixed-response</Type>
                  <FixedResponseConfig><StatusCode>503</StatusCode><ContentType>text/plain</ContentType><MessageBody>down</MessageBody></FixedResponseConfig>
                </member>
                <member>
                  <Type>forward</Type>
                  <Order>1</Order>
                  <TargetGroupArn>arn:tg/a</TargetGroupArn>
                  <ForwardConfig><TargetGroups>
                    <member><TargetGroupArn>arn:tg/a</TargetGroupArn><Weight>80</Weight></member>
                    <member><Weight>20</Weight><TargetGroupArn>arn:tg/b</TargetGroupArn></member>
                  </TargetGroups></ForwardConfig>
                </member>
              </Actions>
              <IsDefault>false</IsDefault>
              <Priority>10</Priority>
              <RuleArn>arn:rule/1</RuleArn>
            </member>
            """).Root!;

        var rule = Elbv2Xml.Rule(member, "arn:listener/1");

        Assert.Equal("10", rule.Priority);
        Assert.False(rule.IsDefault);
        Assert.Equal(["path-pattern: /api/*, /v2/*", "host-header: a.example.com", "http-header X-Env: blue", "query-string: version=2, beta"], rule.Conditions);
        Assert.Equal(["forward", "fixed-response"], rule.Actions.Select(a => a.Type));
        Assert.Equal([new WeightedTargetGroup("arn:tg/a", 80), new WeightedTargetGroup("arn:tg/b", 20)], rule.Actions[0].TargetGroups);
        Assert.Equal(new FixedResponseAction("503", "text/plain", "down"), rule.Actions[1].FixedResponse);
        Assert.Empty(rule.Actions[1].TargetGroups);
    }

    [Fact]
    public void Capacity_ReservationWithZones_MapsUnitsAndStates()
    {
        var result = QueryXml.ResultOf(QueryXml.Parse("""
            <DescribeCapacityReservationResponse xmlns="http://elasticloadbalancing.amazonaws.com/doc/2015-12-01/">
              <DescribeCapacityReservationResult>
                <CapacityReservationState>
                  <member><EffectiveCapacityUnits>12.5</EffectiveCapacityUnits><AvailabilityZone>us-west-2a</AvailabilityZone><State><Code>provisioned</Code></State></member>
                  <member><AvailabilityZone>us-west-2b</AvailabilityZone><State><Reason>no capacity</Reason><Code>failed</Code></State></member>
                </CapacityReservationState>
                <MinimumLoadBalancerCapacity><CapacityUnits>25</CapacityUnits></MinimumLoadBalancerCapacity>
                <DecreaseRequestsRemaining>2</DecreaseRequestsRemaining>
              </DescribeCapacityReservationResult>
            </DescribeCapacityReservationResponse>
            """), "DescribeCapacityReservation");

        var capacity = Elbv2Xml.Capacity(result);

        Assert.Equal(25, capacity.MinimumCapacityUnits);
        Assert.Equal(
            [new ZoneCapacityState("us-west-2a", "provisioned", null, 12.5), new ZoneCapacityState("us-west-2b", "failed", "no capacity", null)],
            capacity.Zones);
    }

    [Fact]
    public void LoadBalancer_NetworkWithAddresses_CollectsEveryAddress()
    {
        var member = QueryXml.Parse("""
            <member>
              <Type>network</Type>
              <State><Reason>capacity</Reason><Code>active_impaired</Code></State>
              <AvailabilityZones><member><ZoneName>eu-west-1a</ZoneName><SubnetId>subnet-1</SubnetId>
                <LoadBalancerAddresses><member><IpAddress>3.3.3.3</IpAddress><AllocationId>eipalloc-1</AllocationId><PrivateIPv4Address>10.0.0.5</PrivateIPv4Address></member></LoadBalancerAddresses>
              </member></AvailabilityZones>
              <IpAddressType>dualstack</IpAddressType>
            </member>
            """).Root!;

        var lb = Elbv2Xml.LoadBalancer(member);

        Assert.Equal(LoadBalancerType.Network, lb.Type);
        Assert.Equal("active_impaired", lb.StateCode);
        Assert.Equal("capacity", lb.StateReason);
        Assert.Equal(["3.3.3.3", "10.0.0.5"], lb.Zones[0].Addresses);
        Assert.Equal("dualstack", lb.IpAddressType);
        Assert.Empty(lb.SecurityGroupIds);
    }

    private static string ParseAll(string xml)
    {
        var document = QueryXml.Parse(xml);
        var root = document.Root!;
        var result = QueryXml.ResultOf(document, root.Name.LocalName.Replace("Response", string.Empty, StringComparison.Ordinal));
        object parsed = root.Name.LocalName switch
        {
            "DescribeLoadBalancersResponse" => Elbv2Xml.LoadBalancers(result).ToList(),
            "DescribeTargetGroupsResponse" => result.Members("TargetGroups").Select(Elbv2Xml.TargetGroup).ToList(),
            _ => result.Members("TargetHealthDescriptions").Select(Elbv2Xml.TargetHealth).ToList(),
        };
        return JsonSerializer.Serialize(parsed);
    }
}
