using ChatOpsBot.Runbooks.Evidence.Network;
using ChatOpsBot.Runbooks.Network;
using static ChatOpsBot.Runbooks.Tests.Network.AclEntries;
using static ChatOpsBot.Runbooks.Tests.Network.AlbScenario;

namespace ChatOpsBot.Runbooks.Tests.Network;

public sealed class NetworkPathEvaluatorNaclTests
{
    private static readonly NetworkAclEntry AllowAllEgress = AllowAll(100, egress: true);

    [Fact]
    public void Evaluate_NaclDeny90BeforeAllow100_BlocksWithRule90()
    {
        var verdict = Evaluate(AppAcl(
            DenyTcp(90, egress: false, "10.0.1.0/24", TrafficPort, TrafficPort),
            AllowAll(100, egress: false),
            AllowAllEgress));

        var blocking = Assert.Single(verdict.Blocking);
        Assert.Equal(PathCheckKind.DestinationNaclIngress, blocking.Kind);
        Assert.Equal("acl-0app", blocking.ResourceId);
        Assert.Equal(90, blocking.RuleNumber);
        Assert.Equal(
            "acl-0app rule 90 denies tcp 8080 from 10.0.1.0/24 (ingress), so requests from 10.0.1.10 to 10.0.2.15 on tcp 8080 cannot enter subnet-0appa",
            blocking.Explanation);
    }

    [Fact]
    public void Evaluate_NaclAllowBeforeDeny_AllowsWithTheAllowRule()
    {
        var verdict = Evaluate(AppAcl(
            AllowAll(100, egress: false),
            DenyTcp(110, egress: false, "10.0.1.0/24", TrafficPort, TrafficPort),
            AllowAllEgress));

        Assert.True(verdict.Allowed);
        var ingress = verdict.Check(PathCheckKind.DestinationNaclIngress);
        Assert.Equal(100, ingress.RuleNumber);
        Assert.StartsWith("acl-0app rule 100 allows all traffic from 0.0.0.0/0 (ingress)", ingress.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_NaclEntriesListedOutOfOrder_EvaluatesAscendingRuleNumber()
    {
        var verdict = Evaluate(AppAcl(
            AllowAll(200, egress: false),
            AllowAllEgress,
            DenyAll(50, egress: false, "10.0.1.0/24")));

        Assert.Equal(50, Assert.Single(verdict.Blocking).RuleNumber);
    }

    [Fact]
    public void Evaluate_NaclDenyForOtherCidr_DoesNotMatch()
    {
        var verdict = Evaluate(AppAcl(
            DenyAll(90, egress: false, "10.0.3.0/24"),
            AllowAll(100, egress: false),
            AllowAllEgress));

        Assert.True(verdict.Allowed);
    }

    [Fact]
    public void Evaluate_NaclDenyForOtherPort_DoesNotMatch()
    {
        var verdict = Evaluate(AppAcl(
            DenyTcp(90, egress: false, "0.0.0.0/0", 22, 22),
            AllowAll(100, egress: false),
            AllowAllEgress));

        Assert.True(verdict.Allowed);
    }

    [Fact]
    public void Evaluate_NaclUdpRule_DoesNotMatchTcp()
    {
        var verdict = Evaluate(AppAcl(
            new NetworkAclEntry(90, "17", "deny", Egress: false, "0.0.0.0/0", null, 0, 65535),
            AllowAll(100, egress: false),
            AllowAllEgress));

        Assert.True(verdict.Allowed);
    }

    [Fact]
    public void Evaluate_NaclProtocolAllSpelledAll_MatchesTcp()
    {
        var verdict = Evaluate(AppAcl(
            new NetworkAclEntry(90, "all", "deny", Egress: false, "0.0.0.0/0", null, null, null),
            AllowAll(100, egress: false),
            AllowAllEgress));

        Assert.Equal(90, Assert.Single(verdict.Blocking).RuleNumber);
    }

    [Fact]
    public void Evaluate_NaclTcpRuleWithoutPortRange_CoversAllPorts()
    {
        var verdict = Evaluate(AppAcl(
            new NetworkAclEntry(100, "6", "allow", Egress: false, "10.0.1.0/24", null, null, null),
            AllowAllEgress));

        Assert.True(verdict.Allowed);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Evaluate_NoNaclRuleMatches_ImplicitDenyAppliesWhetherOrNotStarEntryIsListed(bool listStarEntries)
    {
        NetworkAclEntry[] entries = [AllowTcp(100, egress: false, "0.0.0.0/0", 80, 80), AllowAllEgress];
        var verdict = Evaluate(AppAcl(listStarEntries ? [.. entries, .. ListedImplicitDenies()] : entries));

        var blocking = Assert.Single(verdict.Blocking);
        Assert.Equal(PathCheckKind.DestinationNaclIngress, blocking.Kind);
        Assert.Null(blocking.RuleNumber);
        Assert.Equal(
            "acl-0app has no ingress rule matching tcp 8080 from 10.0.1.10, so the implicit final deny (*) drops requests from 10.0.1.10 to 10.0.2.15 on tcp 8080 entering subnet-0appa",
            blocking.Explanation);
    }

    [Fact]
    public void Evaluate_CustomNaclWithNoEntries_BlocksEveryDirection()
    {
        // A freshly created custom ACL as moto returns it: no entries at all.
        var verdict = Evaluate(AppAcl());

        Assert.Equal(
            [PathCheckKind.DestinationNaclIngress, PathCheckKind.DestinationNaclReturnEgress],
            verdict.Blocking.Select(c => c.Kind));
    }

    [Fact]
    public void Evaluate_LbSubnetNaclBlocksEgressToTarget_BlocksSourceNaclEgress()
    {
        var verdict = Evaluate(LbAcl(
            AllowAll(100, egress: false),
            AllowTcp(100, egress: true, "0.0.0.0/0", 443, 443)));

        var blocking = Assert.Single(verdict.Blocking);
        Assert.Equal(PathCheckKind.SourceNaclEgress, blocking.Kind);
        Assert.Equal("acl-0lb", blocking.ResourceId);
    }

    [Fact]
    public void Evaluate_TargetSubnetDeniesLbSubnetCidr_KillsHealthChecks()
    {
        var verdict = Evaluate(AppAcl(
            DenyAll(10, egress: false, "10.0.1.0/24"),
            AllowAll(100, egress: false),
            AllowAllEgress), HealthCheckPort);

        Assert.Equal(PathCheckKind.DestinationNaclIngress, Assert.Single(verdict.Blocking).Kind);
    }

    [Fact]
    public void Evaluate_SubnetWithoutAssociation_UsesVpcDefaultAcl()
    {
        // moto-style: the default ACL lists no associations; the app subnet falls back to it and it denies all.
        var facts = AlbScenario.Healthy()
            .WithAcl(DefaultAcl, isDefault: true, [], DenyAll(100, egress: false), DenyAll(100, egress: true))
            .WithAcl("acl-0lb", isDefault: false, [LbSubnet], DefaultAllowAll());

        var verdict = Evaluate(facts);

        Assert.Equal(
            [PathCheckKind.DestinationNaclIngress, PathCheckKind.DestinationNaclReturnEgress],
            verdict.Blocking.Select(c => c.Kind));
        Assert.All(verdict.Blocking, c => Assert.Equal(DefaultAcl, c.ResourceId));
        Assert.Equal("acl-0lb", verdict.Check(PathCheckKind.SourceNaclEgress).ResourceId);
    }

    [Fact]
    public void Evaluate_NoAclAtAllForSubnet_BlocksAndNotesItCouldNotBeEvaluated()
    {
        var facts = AlbScenario.Healthy()
            .WithoutAcl(DefaultAcl)
            .WithAcl("acl-0lb", isDefault: false, [LbSubnet], DefaultAllowAll());

        var verdict = Evaluate(facts);

        Assert.All(verdict.Blocking, c => Assert.Equal(AppSubnet, c.ResourceId));
        Assert.Contains("could not be evaluated", verdict.Blocking[0].Explanation, StringComparison.Ordinal);
        Assert.Contains(verdict.Notes, n => n.Contains(AppSubnet, StringComparison.Ordinal));
    }

    [Fact]
    public void Evaluate_Ipv6NaclEntries_DoNotMatchIpv4Addresses()
    {
        var verdict = Evaluate(AppAcl(
            new NetworkAclEntry(50, "-1", "deny", Egress: false, null, "::/0", null, null),
            new NetworkAclEntry(60, "-1", "allow", Egress: true, null, "::/0", null, null),
            AllowAll(100, egress: false)));

        // Ingress: the ::/0 deny is skipped and rule 100 allows; egress: the ::/0 allow is skipped, implicit deny.
        Assert.True(verdict.Check(PathCheckKind.DestinationNaclIngress).Allowed);
        Assert.Equal(100, verdict.Check(PathCheckKind.DestinationNaclIngress).RuleNumber);
        var blocking = Assert.Single(verdict.Blocking);
        Assert.Equal(PathCheckKind.DestinationNaclReturnEgress, blocking.Kind);
        Assert.Null(blocking.RuleNumber);
    }

    [Fact]
    public void Evaluate_Ipv6Endpoints_MatchIpv6NaclEntries()
    {
        var facts = new NetworkFactsBuilder()
            .WithSubnet("subnet-6a", "10.0.1.0/24", ipv6Cidr: "2001:db8:1::/64")
            .WithSubnet("subnet-6b", "10.0.2.0/24", ipv6Cidr: "2001:db8:2::/64")
            .WithAcl("acl-06", isDefault: true, ["subnet-6a", "subnet-6b"],
                new NetworkAclEntry(50, "6", "deny", Egress: false, null, "2001:db8:2::/64", 443, 443),
                new NetworkAclEntry(100, "-1", "allow", Egress: false, null, "::/0", null, null),
                new NetworkAclEntry(100, "-1", "allow", Egress: true, null, "::/0", null, null));
        var node = new NetworkEndpoint("node 2001:db8:1::10", "2001:db8:1::10", "subnet-6a", []);
        var target = new NetworkEndpoint("target 2001:db8:2::15", "2001:db8:2::15", "subnet-6b", []);

        var forward = NetworkPathEvaluator.Evaluate(facts.Build(), node, target, 443);
        var backward = NetworkPathEvaluator.Evaluate(facts.Build(), target, node, 443);

        Assert.True(forward.Allowed);
        Assert.Empty(forward.Notes);
        var blocking = Assert.Single(backward.Blocking);
        Assert.Equal(PathCheckKind.DestinationNaclIngress, blocking.Kind);
        Assert.Equal(50, blocking.RuleNumber);
        Assert.StartsWith("acl-06 rule 50 denies tcp 443 from 2001:db8:2::/64 (ingress)", blocking.Explanation, StringComparison.Ordinal);
    }
}
