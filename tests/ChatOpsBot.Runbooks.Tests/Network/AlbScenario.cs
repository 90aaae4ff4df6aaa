using ChatOpsBot.Runbooks.Network;

namespace ChatOpsBot.Runbooks.Tests.Network;

/// <summary>A healthy ALB: node 10.0.1.10 in subnet-0lba (10.0.1.0/24) with demo-alb-sg, target i-0abc 10.0.2.15 in
/// subnet-0appa (10.0.2.0/24) with web, traffic port 8080, health-check port 8081, default ACL allowing all.</summary>
internal static class AlbScenario
{
    public const string LbSubnet = "subnet-0lba";
    public const string AppSubnet = "subnet-0appa";
    public const string LbGroup = "sg-0lb";
    public const string TargetGroup = "sg-0123";
    public const string DefaultAcl = "acl-0default";
    public const int TrafficPort = 8080;
    public const int HealthCheckPort = 8081;

    public static NetworkEndpoint LbNode { get; } = new("demo-alb node 10.0.1.10", "10.0.1.10", LbSubnet, [LbGroup]);

    public static NetworkEndpoint NlbNode { get; } = new("demo-nlb node 10.0.1.20", "10.0.1.20", LbSubnet, []);

    public static NetworkEndpoint Target { get; } = new("i-0abc (10.0.2.15)", "10.0.2.15", AppSubnet, [TargetGroup]);

    public static NetworkFactsBuilder Healthy() => new NetworkFactsBuilder()
        .WithSubnet(LbSubnet, "10.0.1.0/24")
        .WithSubnet(AppSubnet, "10.0.2.0/24")
        .WithGroup(
            LbGroup,
            "demo-alb-sg",
            inbound: [SgRules.TcpFromCidr(80, 80, "0.0.0.0/0")],
            outbound: [SgRules.AllTrafficTo("0.0.0.0/0")])
        .WithGroup(
            TargetGroup,
            "web",
            inbound: [SgRules.TcpFromGroup(TrafficPort, HealthCheckPort, LbGroup)],
            outbound: [SgRules.AllTrafficTo("0.0.0.0/0")])
        .WithAcl(DefaultAcl, isDefault: true, [LbSubnet, AppSubnet], AclEntries.DefaultAllowAll());

    /// <summary>The healthy scenario with the target group replaced by one with the given inbound rules.</summary>
    public static NetworkFactsBuilder TargetInbound(params Evidence.Network.SecurityGroupRule[] inbound) =>
        Healthy().WithGroup(TargetGroup, "web", inbound, [SgRules.AllTrafficTo("0.0.0.0/0")]);

    /// <summary>The healthy scenario with the app subnet on its own ACL holding <paramref name="entries"/>.</summary>
    public static NetworkFactsBuilder AppAcl(params Evidence.Network.NetworkAclEntry[] entries) =>
        Healthy()
            .WithAcl(DefaultAcl, isDefault: true, [LbSubnet], AclEntries.DefaultAllowAll())
            .WithAcl("acl-0app", isDefault: false, [AppSubnet], entries);

    /// <summary>The healthy scenario with the LB subnet on its own ACL holding <paramref name="entries"/>.</summary>
    public static NetworkFactsBuilder LbAcl(params Evidence.Network.NetworkAclEntry[] entries) =>
        Healthy()
            .WithAcl(DefaultAcl, isDefault: true, [AppSubnet], AclEntries.DefaultAllowAll())
            .WithAcl("acl-0lb", isDefault: false, [LbSubnet], entries);

    public static PathVerdict Evaluate(NetworkFactsBuilder facts, int port = TrafficPort) =>
        NetworkPathEvaluator.Evaluate(facts.Build(), LbNode, Target, port);

    public static PathCheck Check(this PathVerdict verdict, PathCheckKind kind) =>
        Assert.Single(verdict.Checks, c => c.Kind == kind);
}
