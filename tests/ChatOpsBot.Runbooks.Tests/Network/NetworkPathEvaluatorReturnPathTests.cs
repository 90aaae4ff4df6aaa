using ChatOpsBot.Runbooks.Network;
using static ChatOpsBot.Runbooks.Tests.Network.AclEntries;
using static ChatOpsBot.Runbooks.Tests.Network.AlbScenario;

namespace ChatOpsBot.Runbooks.Tests.Network;

public sealed class NetworkPathEvaluatorReturnPathTests
{
    [Fact]
    public void Evaluate_TargetNaclReturnAllowsOnly32768To65535_IsIntermittent()
    {
        // The Linux ephemeral range is folklore here: ELB nodes use source ports 1024-65535.
        var verdict = Evaluate(AppAcl(
            AllowAll(100, egress: false),
            AllowTcp(100, egress: true, "0.0.0.0/0", 32768, 65535)));

        Assert.False(verdict.Allowed);
        Assert.True(verdict.IsIntermittent);
        var blocking = Assert.Single(verdict.Blocking);
        Assert.Equal(PathCheckKind.DestinationNaclReturnEgress, blocking.Kind);
        Assert.True(blocking.IsPartial);
        Assert.Null(blocking.RuleNumber);
        Assert.Equal([new PortRange(1024, 32767)], blocking.DeniedPorts);
        Assert.Equal(
            "acl-0app egress rules deny tcp 1024-32767 by the implicit final deny (*) but allow tcp 32768-65535 by rule 100 to 10.0.1.10, so replies from 10.0.2.15 to 10.0.1.10 on tcp 1024-65535 leaving subnet-0appa fail intermittently: those to load-balancer source ports 1024-32767 are dropped",
            blocking.Explanation);
    }

    [Fact]
    public void Evaluate_TargetNaclReturnDeniedByRule90_ReportsRuleAndWholeRange()
    {
        var verdict = Evaluate(AppAcl(
            AllowAll(100, egress: false),
            DenyTcp(90, egress: true, "10.0.1.0/24", 1024, 65535),
            AllowAll(100, egress: true)));

        var blocking = Assert.Single(verdict.Blocking);
        Assert.Equal(PathCheckKind.DestinationNaclReturnEgress, blocking.Kind);
        Assert.Equal(90, blocking.RuleNumber);
        Assert.False(blocking.IsPartial);
        Assert.False(verdict.IsIntermittent);
        Assert.Equal([PortRange.Ephemeral], blocking.DeniedPorts);
        Assert.StartsWith("acl-0app rule 90 denies tcp 1024-65535 to 10.0.1.0/24 (egress)", blocking.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_DenyInsideEphemeralRangeBeforeAllow_ReportsDeniedSubRange()
    {
        var verdict = Evaluate(AppAcl(
            AllowAll(100, egress: false),
            DenyTcp(90, egress: true, "0.0.0.0/0", 5000, 5999),
            AllowTcp(100, egress: true, "0.0.0.0/0", 1024, 65535)));

        var blocking = Assert.Single(verdict.Blocking);
        Assert.True(blocking.IsPartial);
        Assert.Equal(90, blocking.RuleNumber);
        Assert.Equal([new PortRange(5000, 5999)], blocking.DeniedPorts);
        Assert.Contains("deny tcp 5000-5999 by rule 90 but allow tcp 1024-4999 by rule 100, 6000-65535 by rule 100", blocking.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_AllowBeforeDenyInsideEphemeralRange_AllowsEverything()
    {
        var verdict = Evaluate(AppAcl(
            AllowAll(100, egress: false),
            AllowTcp(100, egress: true, "0.0.0.0/0", 1024, 65535),
            DenyTcp(110, egress: true, "0.0.0.0/0", 5000, 5999)));

        Assert.True(verdict.Allowed);
        Assert.Equal(100, verdict.Check(PathCheckKind.DestinationNaclReturnEgress).RuleNumber);
    }

    [Fact]
    public void Evaluate_EphemeralRangeCoveredBySeveralAllowRules_Allows()
    {
        var verdict = Evaluate(AppAcl(
            AllowAll(100, egress: false),
            AllowTcp(100, egress: true, "10.0.1.0/24", 1024, 40000),
            AllowTcp(110, egress: true, "10.0.0.0/16", 30000, 65535)));

        var check = verdict.Check(PathCheckKind.DestinationNaclReturnEgress);
        Assert.True(verdict.Allowed);
        Assert.Null(check.RuleNumber);
        Assert.Contains("1024-40000 by rule 100, 40001-65535 by rule 110", check.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_EphemeralRangeDeniedByRuleAndImplicitDeny_BlocksWholeRangeNotIntermittent()
    {
        var verdict = Evaluate(AppAcl(
            AllowAll(100, egress: false),
            DenyTcp(90, egress: true, "0.0.0.0/0", 1024, 2047)));

        var blocking = Assert.Single(verdict.Blocking);
        Assert.False(blocking.IsPartial);
        Assert.Equal(90, blocking.RuleNumber);
        Assert.Equal([PortRange.Ephemeral], blocking.DeniedPorts);
        Assert.Contains("1024-2047 by rule 90, 2048-65535 by the implicit final deny (*)", blocking.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_LbSubnetNaclWithoutInboundEphemeral_BlocksSourceNaclReturnIngress()
    {
        var verdict = Evaluate(LbAcl(
            AllowTcp(100, egress: false, "0.0.0.0/0", 80, 80),
            AllowAll(100, egress: true)));

        var blocking = Assert.Single(verdict.Blocking);
        Assert.Equal(PathCheckKind.SourceNaclReturnIngress, blocking.Kind);
        Assert.Equal(
            "acl-0lb has no ingress rule matching tcp 1024-65535 from 10.0.2.15, so the implicit final deny (*) drops replies from 10.0.2.15 to 10.0.1.10 on tcp 1024-65535 entering subnet-0lba",
            blocking.Explanation);
    }

    [Fact]
    public void Evaluate_LbSubnetNaclInboundEphemeralFromTargetSubnet_Allows()
    {
        var verdict = Evaluate(LbAcl(
            AllowTcp(100, egress: false, "0.0.0.0/0", 80, 80),
            AllowTcp(110, egress: false, "10.0.2.0/24", 1024, 65535),
            AllowTcp(100, egress: true, "10.0.2.0/24", TrafficPort, HealthCheckPort)));

        Assert.True(verdict.Allowed);
        Assert.True(Evaluate(LbAcl(
            AllowTcp(100, egress: false, "0.0.0.0/0", 80, 80),
            AllowTcp(110, egress: false, "10.0.2.0/24", 1024, 65535),
            AllowTcp(100, egress: true, "10.0.2.0/24", TrafficPort, HealthCheckPort)), HealthCheckPort).Allowed);
    }
}
