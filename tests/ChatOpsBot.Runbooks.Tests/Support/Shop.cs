using ChatOpsBot.Runbooks.Evidence.Dns;
using ChatOpsBot.Runbooks.Evidence.LoadBalancing;
using ChatOpsBot.Runbooks.Evidence.Network;

namespace ChatOpsBot.Runbooks.Tests.Support;

/// <summary>
/// A realistic, healthy shop: internet-facing ALB shop-alb in eu-west-1a/b (nodes 10.0.1.10 and 10.0.3.10, group
/// sg-0alb), listener HTTP:80 forwarding to shop-web (HTTP 8080, instance targets i-0a1 in 1a and i-0b2 in 1b, group
/// sg-0web allowing 8080 from sg-0alb), default network ACL allowing everything, AmazonProvidedDNS.
/// Records are shaped as the ELBv2 and EC2 adapters return them.
/// </summary>
internal static class Shop
{
    public const string Region = "eu-west-1";
    public const string AccountId = "123456789012";
    public const string AlbName = "shop-alb";
    public const string AlbArn = "arn:aws:elasticloadbalancing:eu-west-1:123456789012:loadbalancer/app/shop-alb/50dc6c495c0c9188";
    public const string AlbDimension = "app/shop-alb/50dc6c495c0c9188";
    public const string NlbName = "shop-nlb";
    public const string NlbArn = "arn:aws:elasticloadbalancing:eu-west-1:123456789012:loadbalancer/net/shop-nlb/7f3a1c2b9d8e4f60";
    public const string ListenerArn = "arn:aws:elasticloadbalancing:eu-west-1:123456789012:listener/app/shop-alb/50dc6c495c0c9188/f2f7dc8efc522ab2";
    public const string DefaultRuleArn = "arn:aws:elasticloadbalancing:eu-west-1:123456789012:listener-rule/app/shop-alb/50dc6c495c0c9188/f2f7dc8efc522ab2/0b1c2d3e4f5a6b7c";
    public const string MaintenanceRuleArn = "arn:aws:elasticloadbalancing:eu-west-1:123456789012:listener-rule/app/shop-alb/50dc6c495c0c9188/f2f7dc8efc522ab2/9683b2d02a6cabee";
    public const string WebTgArn = "arn:aws:elasticloadbalancing:eu-west-1:123456789012:targetgroup/shop-web/73e2d6bc24d8a067";
    public const string ApiTgArn = "arn:aws:elasticloadbalancing:eu-west-1:123456789012:targetgroup/shop-api/1f0e2d3c4b5a6978";
    public const string VpcId = "vpc-0shop";
    public const string DhcpOptionsId = "dopt-0shop";
    public const string ZoneA = "eu-west-1a";
    public const string ZoneB = "eu-west-1b";
    public const string LbSubnetA = "subnet-0lba";
    public const string LbSubnetB = "subnet-0lbb";
    public const string AppSubnetA = "subnet-0appa";
    public const string AppSubnetB = "subnet-0appb";
    public const string LbGroup = "sg-0alb";
    public const string AppGroup = "sg-0web";
    public const string DefaultAcl = "acl-0default";
    public const string InstanceA = "i-0a1b2c3d4e5f60718";
    public const string InstanceB = "i-0b2c3d4e5f6071829";
    public const string AlbDnsName = "shop-alb-1234567890.eu-west-1.elb.amazonaws.com";
    public const int TrafficPort = 8080;

    public static LoadBalancerDescription Alb(string state = "active", string? stateReason = null) => new(
        AlbArn,
        AlbName,
        LoadBalancerType.Application,
        "internet-facing",
        VpcId,
        AlbDnsName,
        state,
        stateReason,
        [new LoadBalancerZone(ZoneA, LbSubnetA, []), new LoadBalancerZone(ZoneB, LbSubnetB, [])],
        [LbGroup],
        "ipv4");

    public static LoadBalancerDescription Nlb() => new(
        NlbArn,
        NlbName,
        LoadBalancerType.Network,
        "internet-facing",
        VpcId,
        "shop-nlb-7f3a1c2b9d8e4f60.elb.eu-west-1.amazonaws.com",
        "active",
        null,
        [new LoadBalancerZone(ZoneA, LbSubnetA, ["52.50.1.20"]), new LoadBalancerZone(ZoneB, LbSubnetB, ["52.50.3.20"])],
        [],
        "ipv4");

    /// <summary>The ALB defaults for an instance target group, with a /health path.</summary>
    public static HealthCheckSettings HealthCheck(
        string protocol = "HTTP",
        string port = "traffic-port",
        string? path = "/health",
        int interval = 30,
        int timeout = 5,
        string? matcher = "200") =>
        new(true, protocol, port, path, interval, timeout, 5, 2, matcher, null);

    public static TargetGroupDescription WebTargetGroup(HealthCheckSettings? healthCheck = null, string protocol = "HTTP", string loadBalancerArn = AlbArn) =>
        new(WebTgArn, "shop-web", protocol, TrafficPort, VpcId, "instance", healthCheck ?? HealthCheck(), [loadBalancerArn], protocol is "HTTP" or "HTTPS" ? "HTTP1" : null);

    public static TargetGroupDescription ApiTargetGroup(string targetType = "instance") =>
        new(ApiTgArn, "shop-api", "HTTP", 9000, VpcId, targetType, HealthCheck(), [AlbArn], "HTTP1");

    public static RuleAction ForwardTo(string targetGroupArn) => new("forward", 1, [new WeightedTargetGroup(targetGroupArn, null)], null);

    public static RuleAction WeightedForward(params (string Arn, int Weight)[] groups) =>
        new("forward", 1, [.. groups.Select(g => new WeightedTargetGroup(g.Arn, g.Weight))], null);

    public static RuleAction FixedResponse(string statusCode, string? body = null) =>
        new("fixed-response", 1, [], new FixedResponseAction(statusCode, "text/plain", body));

    public static ListenerDescription HttpListener(RuleAction defaultAction) => new(ListenerArn, AlbArn, 80, "HTTP", [defaultAction]);

    public static RuleDescription DefaultRule(RuleAction action) => new(DefaultRuleArn, ListenerArn, "default", true, [action], []);

    public static RuleDescription MaintenanceRule(RuleAction action) =>
        new(MaintenanceRuleArn, ListenerArn, "10", false, [action], ["path-pattern: /checkout/*"]);

    public static TargetHealthDescription Target(
        string id,
        string state,
        string? reason = null,
        string? description = null,
        string? zone = null,
        string healthCheckPort = "8080") =>
        new(id, TrafficPort, zone, healthCheckPort, state, reason, description);

    public static TargetHealthDescription Healthy(string id, string zone) => Target(id, "healthy", zone: zone);

    public static TargetHealthDescription Unhealthy(string id, string reason, string? description = null, string? zone = ZoneA, string healthCheckPort = "8080") =>
        Target(id, "unhealthy", reason, description, zone, healthCheckPort);

    public static TargetHealthDescription CodeMismatch(string id, int code) =>
        Unhealthy(id, "Target.ResponseCodeMismatch", $"Health checks failed with these codes: [{code}]");

    public static IReadOnlyList<TargetHealthDescription> HealthyTargets() => [Healthy(InstanceA, ZoneA), Healthy(InstanceB, ZoneB)];

    public static VpcDescription Vpc(bool? dnsSupport = true) => new(VpcId, ["10.0.0.0/16"], [], DhcpOptionsId, dnsSupport, true);

    public static DhcpOptionsDescription DhcpOptions(params string[] servers) =>
        new(DhcpOptionsId, servers, ["eu-west-1.compute.internal"]);

    public static DhcpOptionsDescription AmazonDhcpOptions() => new(DhcpOptionsId, ["AmazonProvidedDNS"], ["eu-west-1.compute.internal"]);

    public static NameResolution AlbResolves() => new(AlbDnsName, ["52.50.1.10", "52.50.3.10"], null, "system");

    public static IReadOnlyList<SubnetDescription> Subnets() =>
    [
        new(LbSubnetA, VpcId, ZoneA, "10.0.1.0/24", []),
        new(AppSubnetA, VpcId, ZoneA, "10.0.2.0/24", []),
        new(LbSubnetB, VpcId, ZoneB, "10.0.3.0/24", []),
        new(AppSubnetB, VpcId, ZoneB, "10.0.4.0/24", []),
    ];

    public static IReadOnlyList<NetworkAclDescription> NetworkAcls() =>
    [
        new(DefaultAcl, VpcId, true, [LbSubnetA, AppSubnetA, LbSubnetB, AppSubnetB],
        [
            new NetworkAclEntry(100, "-1", "allow", false, "0.0.0.0/0", null, null, null),
            new NetworkAclEntry(100, "-1", "allow", true, "0.0.0.0/0", null, null, null),
            new NetworkAclEntry(32767, "-1", "deny", false, "0.0.0.0/0", null, null, null),
            new NetworkAclEntry(32767, "-1", "deny", true, "0.0.0.0/0", null, null, null),
        ]),
    ];

    /// <summary>The two groups; <paramref name="appInbound"/> replaces the web group's inbound rules (default: 8080 from the ALB's group).</summary>
    public static IReadOnlyList<SecurityGroupDescription> SecurityGroups(params SecurityGroupRule[] appInbound) =>
    [
        new(LbGroup, "shop-alb-sg", VpcId, [new SecurityGroupRule("tcp", 80, 80, ["0.0.0.0/0"], [], [], [])], [new SecurityGroupRule("-1", null, null, ["0.0.0.0/0"], [], [], [])]),
        new(AppGroup, "shop-web-sg", VpcId,
            appInbound.Length > 0 ? appInbound : [new SecurityGroupRule("tcp", TrafficPort, TrafficPort, [], [], [LbGroup], [])],
            [new SecurityGroupRule("-1", null, null, ["0.0.0.0/0"], [], [], [])]),
    ];

    public static IReadOnlyList<NetworkInterfaceDescription> AlbInterfaces() =>
    [
        new("eni-0node1a", LbSubnetA, VpcId, ZoneA, "10.0.1.10", ["10.0.1.10"], [LbGroup], "ELB " + AlbDimension, null),
        new("eni-0node1b", LbSubnetB, VpcId, ZoneB, "10.0.3.10", ["10.0.3.10"], [LbGroup], "ELB " + AlbDimension, null),
    ];

    public static IReadOnlyList<InstanceDescription> Instances() =>
    [
        new(InstanceA, "running", AppSubnetA, VpcId, ZoneA, "10.0.2.15", [AppGroup]),
        new(InstanceB, "running", AppSubnetB, VpcId, ZoneB, "10.0.4.15", [AppGroup]),
    ];
}
