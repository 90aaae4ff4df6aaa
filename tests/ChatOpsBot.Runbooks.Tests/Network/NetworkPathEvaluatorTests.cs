using ChatOpsBot.Runbooks.Network;
using static ChatOpsBot.Runbooks.Tests.Network.AclEntries;
using static ChatOpsBot.Runbooks.Tests.Network.AlbScenario;

namespace ChatOpsBot.Runbooks.Tests.Network;

public sealed class NetworkPathEvaluatorTests
{
    [Fact]
    public void Evaluate_HealthyAlb_AllowsBothPortsWithSixAllowedChecksInPacketOrder()
    {
        foreach (var port in new[] { TrafficPort, HealthCheckPort })
        {
            var verdict = Evaluate(AlbScenario.Healthy(), port);

            Assert.True(verdict.Allowed);
            Assert.Empty(verdict.Blocking);
            Assert.Empty(verdict.Notes);
            Assert.False(verdict.IsIntermittent);
            Assert.Equal(
                [
                    PathCheckKind.SourceSecurityGroupEgress,
                    PathCheckKind.SourceNaclEgress,
                    PathCheckKind.DestinationNaclIngress,
                    PathCheckKind.DestinationSecurityGroupIngress,
                    PathCheckKind.DestinationNaclReturnEgress,
                    PathCheckKind.SourceNaclReturnIngress,
                ],
                verdict.Checks.Select(c => c.Kind));
            Assert.All(verdict.Checks, c => Assert.Empty(c.DeniedPorts));
        }
    }

    [Fact]
    public void Evaluate_SeveralFiltersBlock_ReportsEveryBlockingCheck()
    {
        var facts = AppAcl(DenyAll(10, egress: false), DenyAll(10, egress: true))
            .WithGroup(LbGroup, "demo-alb-sg", [], outbound: []);

        var verdict = Evaluate(facts);

        Assert.Equal(
            [PathCheckKind.SourceSecurityGroupEgress, PathCheckKind.DestinationNaclIngress, PathCheckKind.DestinationNaclReturnEgress],
            verdict.Blocking.Select(c => c.Kind));
    }

    [Fact]
    public void Evaluate_SameSubnet_SkipsAllNaclChecks()
    {
        var facts = AlbScenario.Healthy()
            .WithAcl(DefaultAcl, isDefault: true, [LbSubnet, AppSubnet], DenyAll(1, egress: false), DenyAll(1, egress: true));
        var target = Target with { IpAddress = "10.0.1.99", SubnetId = LbSubnet };

        var verdict = NetworkPathEvaluator.Evaluate(facts.Build(), LbNode, target, TrafficPort);

        Assert.True(verdict.Allowed);
        var naclChecks = verdict.Checks.Where(c => c.Kind is not (PathCheckKind.SourceSecurityGroupEgress or PathCheckKind.DestinationSecurityGroupIngress)).ToList();
        Assert.Equal(4, naclChecks.Count);
        Assert.All(naclChecks, c =>
        {
            Assert.True(c.Allowed);
            Assert.Equal(LbSubnet, c.ResourceId);
            Assert.Equal("10.0.1.10 and 10.0.1.99 are both in subnet-0lba, and network ACLs do not filter traffic within a subnet", c.Explanation);
        });
    }

    [Fact]
    public void Evaluate_SameSubnet_StillChecksSecurityGroups()
    {
        var target = Target with { IpAddress = "10.0.1.99", SubnetId = LbSubnet };

        var verdict = NetworkPathEvaluator.Evaluate(AlbScenario.Healthy().Build(), LbNode, target, 9999);

        Assert.Equal(PathCheckKind.DestinationSecurityGroupIngress, Assert.Single(verdict.Blocking).Kind);
    }

    [Fact]
    public void Evaluate_AddressOutsideGivenSubnet_NotesItButTrustsTheSubnetId()
    {
        var facts = AppAcl(DenyAll(10, egress: false), AllowAll(100, egress: true));
        var target = Target with { IpAddress = "10.0.9.15" };

        var verdict = NetworkPathEvaluator.Evaluate(facts.Build(), LbNode, target, TrafficPort);

        Assert.Equal("acl-0app", verdict.Check(PathCheckKind.DestinationNaclIngress).ResourceId);
        Assert.False(verdict.Allowed);
        Assert.Contains(
            "10.0.9.15 of i-0abc (10.0.2.15) is outside subnet-0appa (10.0.2.0/24); the path was evaluated with subnet-0appa as given",
            verdict.Notes);
    }

    [Fact]
    public void Evaluate_UnparsableAddress_NotesItAndNothingMatchesIt()
    {
        var target = Target with { IpAddress = "not-an-ip" };

        var verdict = NetworkPathEvaluator.Evaluate(AlbScenario.Healthy().Build(), LbNode, target, TrafficPort);

        Assert.False(verdict.Allowed);
        Assert.Contains(verdict.Notes, n => n.Contains("not-an-ip", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(65536)]
    public void Evaluate_PortOutOfRange_Throws(int port)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => NetworkPathEvaluator.Evaluate(AlbScenario.Healthy().Build(), LbNode, Target, port));
    }
}
