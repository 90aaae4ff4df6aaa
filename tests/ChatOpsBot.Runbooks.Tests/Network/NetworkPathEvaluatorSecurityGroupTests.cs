using ChatOpsBot.Runbooks.Evidence.Network;
using ChatOpsBot.Runbooks.Network;
using static ChatOpsBot.Runbooks.Tests.Network.AlbScenario;

namespace ChatOpsBot.Runbooks.Tests.Network;

public sealed class NetworkPathEvaluatorSecurityGroupTests
{
    [Fact]
    public void Evaluate_TargetSgAllowsLbSgOnlyOnTrafficPort_BlocksHealthCheckPort()
    {
        var facts = TargetInbound(SgRules.Tcp(TrafficPort, LbGroup));

        var traffic = Evaluate(facts, TrafficPort);
        var healthCheck = Evaluate(facts, HealthCheckPort);

        Assert.True(traffic.Allowed);
        Assert.False(healthCheck.Allowed);
        var blocking = Assert.Single(healthCheck.Blocking);
        Assert.Equal(PathCheckKind.DestinationSecurityGroupIngress, blocking.Kind);
        Assert.Equal(TargetGroup, blocking.ResourceId);
        Assert.Null(blocking.RuleNumber);
        Assert.Equal("sg-0123 (web) has no inbound rule allowing tcp 8081 from sg-0lb (demo-alb-sg) or 10.0.1.10", blocking.Explanation);
        Assert.Equal([PortRange.Single(HealthCheckPort)], blocking.DeniedPorts);
        Assert.False(healthCheck.IsIntermittent);
    }

    [Fact]
    public void Evaluate_TargetSgReferencesLbSg_ExplainsTheAllowingRule()
    {
        var verdict = Evaluate(TargetInbound(SgRules.Tcp(80, "sg-0other"), SgRules.Tcp(TrafficPort, LbGroup)));

        var check = verdict.Check(PathCheckKind.DestinationSecurityGroupIngress);
        Assert.True(check.Allowed);
        Assert.Equal("allowed by sg-0123 (web) inbound tcp 8080 from sg-0lb (demo-alb-sg)", check.Explanation);
    }

    [Fact]
    public void Evaluate_TargetSgAllowsLbSubnetCidr_Allows()
    {
        var verdict = Evaluate(TargetInbound(SgRules.TcpFromCidr(TrafficPort, TrafficPort, "10.0.1.0/24")));

        Assert.True(verdict.Allowed);
        Assert.Equal("allowed by sg-0123 (web) inbound tcp 8080 from 10.0.1.0/24", verdict.Check(PathCheckKind.DestinationSecurityGroupIngress).Explanation);
    }

    [Fact]
    public void Evaluate_TargetSgAllowsCidrWithHostBitsSet_MatchesTheNetwork()
    {
        var verdict = Evaluate(TargetInbound(SgRules.TcpFromCidr(TrafficPort, TrafficPort, "10.0.1.77/24")));

        Assert.True(verdict.Allowed);
    }

    [Fact]
    public void Evaluate_TargetSgAllowsOtherSubnetCidrOnly_Blocks()
    {
        var verdict = Evaluate(TargetInbound(SgRules.TcpFromCidr(TrafficPort, TrafficPort, "10.0.3.0/24")));

        Assert.Equal(PathCheckKind.DestinationSecurityGroupIngress, Assert.Single(verdict.Blocking).Kind);
    }

    [Fact]
    public void Evaluate_TargetSgAllowsIpv6CidrOnly_DoesNotMatchIpv4Node()
    {
        var rule = new SecurityGroupRule("tcp", TrafficPort, TrafficPort, [], ["::/0"], [], []);

        var verdict = Evaluate(TargetInbound(rule));

        Assert.False(verdict.Allowed);
    }

    [Fact]
    public void Evaluate_TargetSgReferencesGroupThatAllowsLb_DoesNotInheritItsRules()
    {
        // sg-0bastion lets the LB in, and web lets sg-0bastion in: membership only, the LB is not a member.
        var facts = TargetInbound(SgRules.Tcp(TrafficPort, "sg-0bastion"))
            .WithGroup("sg-0bastion", "bastion", [SgRules.Tcp(TrafficPort, LbGroup)], [SgRules.AllTrafficTo("0.0.0.0/0")]);

        var verdict = Evaluate(facts);

        var blocking = Assert.Single(verdict.Blocking);
        Assert.Equal(PathCheckKind.DestinationSecurityGroupIngress, blocking.Kind);
    }

    [Fact]
    public void Evaluate_TargetSgAllowsPrefixListContainingLbNode_Allows()
    {
        var facts = TargetInbound(SgRules.TcpFromPrefixList(TrafficPort, TrafficPort, "pl-0lbnodes"))
            .WithPrefixList("pl-0lbnodes", "lb-nodes", "192.168.0.0/16", "10.0.1.0/25");

        var verdict = Evaluate(facts);

        Assert.True(verdict.Allowed);
        Assert.Equal(
            "allowed by sg-0123 (web) inbound tcp 8080 from pl-0lbnodes (lb-nodes) entry 10.0.1.0/25",
            verdict.Check(PathCheckKind.DestinationSecurityGroupIngress).Explanation);
        Assert.Empty(verdict.Notes);
    }

    [Fact]
    public void Evaluate_TargetSgAllowsPrefixListWithoutLbNode_Blocks()
    {
        var facts = TargetInbound(SgRules.TcpFromPrefixList(TrafficPort, TrafficPort, "pl-0office"))
            .WithPrefixList("pl-0office", "office", "203.0.113.0/24");

        Assert.False(Evaluate(facts).Allowed);
    }

    [Fact]
    public void Evaluate_TargetSgAllowsUnknownPrefixList_BlocksAndSaysItCouldNotBeEvaluated()
    {
        var verdict = Evaluate(TargetInbound(SgRules.TcpFromPrefixList(TrafficPort, TrafficPort, "pl-0missing")));

        var blocking = Assert.Single(verdict.Blocking);
        Assert.Contains("pl-0missing could not be evaluated", blocking.Explanation, StringComparison.Ordinal);
        Assert.Contains(verdict.Notes, n => n.Contains("pl-0missing", StringComparison.Ordinal) && n.Contains("treated as not matching", StringComparison.Ordinal));
    }

    [Fact]
    public void Evaluate_UnknownPrefixListButAnotherRuleAllows_AllowsAndStillNotesIt()
    {
        var verdict = Evaluate(TargetInbound(
            SgRules.TcpFromPrefixList(TrafficPort, TrafficPort, "pl-0missing"),
            SgRules.Tcp(TrafficPort, LbGroup)));

        Assert.True(verdict.Allowed);
        Assert.Contains(verdict.Notes, n => n.Contains("pl-0missing", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(null, null)]
    [InlineData(-1, -1)]
    public void Evaluate_TargetSgAllowsAllProtocolsFromLbSg_AllowsAnyPort(int? from, int? to)
    {
        var facts = TargetInbound(new SecurityGroupRule("-1", from, to, [], [], [LbGroup], []));

        Assert.True(Evaluate(facts, TrafficPort).Allowed);
        Assert.True(Evaluate(facts, 443).Allowed);
        Assert.Equal(
            "allowed by sg-0123 (web) inbound all traffic from sg-0lb (demo-alb-sg)",
            Evaluate(facts).Check(PathCheckKind.DestinationSecurityGroupIngress).Explanation);
    }

    [Theory]
    [InlineData(8000, 8090, 8080, true)]
    [InlineData(8080, 8080, 8080, true)]
    [InlineData(8000, 8080, 8080, true)]
    [InlineData(8080, 8090, 8080, true)]
    [InlineData(8081, 8090, 8080, false)]
    [InlineData(8000, 8079, 8080, false)]
    [InlineData(0, 65535, 8080, true)]
    public void Evaluate_TargetSgTcpPortRange_CoversPortOnlyInsideRange(int from, int to, int port, bool allowed)
    {
        var verdict = Evaluate(TargetInbound(SgRules.TcpFromGroup(from, to, LbGroup)), port);

        Assert.Equal(allowed, verdict.Allowed);
    }

    [Fact]
    public void Evaluate_TargetSgRuleUsesProtocolNumber6_TreatedAsTcp()
    {
        var verdict = Evaluate(TargetInbound(new SecurityGroupRule("6", TrafficPort, TrafficPort, [], [], [LbGroup], [])));

        Assert.True(verdict.Allowed);
    }

    [Fact]
    public void Evaluate_TargetSgAllowsUdpOnly_BlocksTcp()
    {
        var verdict = Evaluate(TargetInbound(new SecurityGroupRule("udp", TrafficPort, TrafficPort, [], [], [LbGroup], [])));

        Assert.False(verdict.Allowed);
    }

    [Fact]
    public void Evaluate_TargetInSeveralGroups_AnyGroupMayAllow()
    {
        var facts = TargetInbound(SgRules.Tcp(22, "sg-0bastion"))
            .WithGroup("sg-0extra", "extra", [SgRules.Tcp(TrafficPort, LbGroup)], []);
        var target = Target with { SecurityGroupIds = [TargetGroup, "sg-0extra"] };

        var verdict = NetworkPathEvaluator.Evaluate(facts.Build(), LbNode, target, TrafficPort);

        Assert.True(verdict.Allowed);
        Assert.Equal("sg-0extra", verdict.Check(PathCheckKind.DestinationSecurityGroupIngress).ResourceId);
    }

    [Fact]
    public void Evaluate_NoneOfSeveralTargetGroupsAllows_NamesThemAll()
    {
        var facts = TargetInbound(SgRules.Tcp(22, "sg-0bastion"))
            .WithGroup("sg-0extra", "extra", [SgRules.Tcp(443, LbGroup)], []);
        var target = Target with { SecurityGroupIds = [TargetGroup, "sg-0extra"] };

        var verdict = NetworkPathEvaluator.Evaluate(facts.Build(), LbNode, target, TrafficPort);

        var blocking = Assert.Single(verdict.Blocking);
        Assert.Equal(
            "none of sg-0123 (web), sg-0extra (extra) has an inbound rule allowing tcp 8080 from sg-0lb (demo-alb-sg) or 10.0.1.10",
            blocking.Explanation);
    }

    [Fact]
    public void Evaluate_TargetGroupMissingFromFacts_BlocksAndNotesIt()
    {
        var verdict = Evaluate(AlbScenario.Healthy().WithoutGroup(TargetGroup));

        var blocking = Assert.Single(verdict.Blocking);
        Assert.Contains("sg-0123 is not in the facts and could not be evaluated", blocking.Explanation, StringComparison.Ordinal);
        Assert.Contains(verdict.Notes, n => n.Contains("sg-0123", StringComparison.Ordinal));
    }

    [Fact]
    public void Evaluate_LbSgEgressRemoved_BlocksAtSourceSecurityGroupEgress()
    {
        var facts = AlbScenario.Healthy()
            .WithGroup(LbGroup, "demo-alb-sg", [SgRules.TcpFromCidr(80, 80, "0.0.0.0/0")], outbound: []);

        var verdict = Evaluate(facts);

        var blocking = Assert.Single(verdict.Blocking);
        Assert.Equal(PathCheckKind.SourceSecurityGroupEgress, blocking.Kind);
        Assert.Equal(LbGroup, blocking.ResourceId);
        Assert.Equal("sg-0lb (demo-alb-sg) has no outbound rule allowing tcp 8080 to sg-0123 (web) or 10.0.2.15", blocking.Explanation);
    }

    [Fact]
    public void Evaluate_LbSgEgressOnlyToTargetSgOnTrafficPort_BlocksHealthCheckPort()
    {
        var facts = AlbScenario.Healthy()
            .WithGroup(LbGroup, "demo-alb-sg", [SgRules.TcpFromCidr(80, 80, "0.0.0.0/0")], [SgRules.Tcp(TrafficPort, TargetGroup)]);

        var traffic = Evaluate(facts, TrafficPort);
        var healthCheck = Evaluate(facts, HealthCheckPort);

        Assert.True(traffic.Allowed);
        Assert.Equal("allowed by sg-0lb (demo-alb-sg) outbound tcp 8080 to sg-0123 (web)", traffic.Check(PathCheckKind.SourceSecurityGroupEgress).Explanation);
        Assert.Equal(PathCheckKind.SourceSecurityGroupEgress, Assert.Single(healthCheck.Blocking).Kind);
    }

    [Fact]
    public void Evaluate_LbSgInboundOnly_IsIrrelevantToTheTargetPath()
    {
        // Health checks and requests leave through the LB SG's outbound rules; its inbound rules do not matter.
        var facts = AlbScenario.Healthy()
            .WithGroup(LbGroup, "demo-alb-sg", inbound: [], [SgRules.AllTrafficTo("0.0.0.0/0")]);

        Assert.True(Evaluate(facts).Allowed);
    }

    [Fact]
    public void Evaluate_TargetSgHasNoOutboundRules_RepliesStillAllowedBecauseStateful()
    {
        var facts = AlbScenario.Healthy()
            .WithGroup(TargetGroup, "web", [SgRules.Tcp(TrafficPort, LbGroup)], outbound: []);

        Assert.True(Evaluate(facts).Allowed);
    }

    [Fact]
    public void Evaluate_NlbWithoutSecurityGroups_SkipsSourceSgCheckAndNeedsTargetCidrRule()
    {
        var facts = TargetInbound(SgRules.TcpFromCidr(TrafficPort, TrafficPort, "10.0.0.0/16"));

        var verdict = NetworkPathEvaluator.Evaluate(facts.Build(), NlbNode, Target, TrafficPort);

        Assert.True(verdict.Allowed);
        var egress = verdict.Check(PathCheckKind.SourceSecurityGroupEgress);
        Assert.True(egress.Allowed);
        Assert.Equal(string.Empty, egress.ResourceId);
        Assert.Equal("demo-nlb node 10.0.1.20 has no security groups, so no outbound security-group rule applies", egress.Explanation);
    }

    [Fact]
    public void Evaluate_NlbWithoutSecurityGroupsAndTargetAllowsOnlyLbSg_Blocks()
    {
        var verdict = NetworkPathEvaluator.Evaluate(AlbScenario.Healthy().Build(), NlbNode, Target, TrafficPort);

        var blocking = Assert.Single(verdict.Blocking);
        Assert.Equal("sg-0123 (web) has no inbound rule allowing tcp 8080 from 10.0.1.20", blocking.Explanation);
    }

    [Fact]
    public void Evaluate_TargetWithoutSecurityGroups_SkipsDestinationSgCheck()
    {
        var target = Target with { SecurityGroupIds = [] };

        var verdict = NetworkPathEvaluator.Evaluate(AlbScenario.Healthy().Build(), LbNode, target, TrafficPort);

        Assert.True(verdict.Allowed);
        Assert.Contains("no security groups", verdict.Check(PathCheckKind.DestinationSecurityGroupIngress).Explanation, StringComparison.Ordinal);
    }
}
