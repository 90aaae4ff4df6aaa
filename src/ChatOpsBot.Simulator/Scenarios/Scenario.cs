namespace ChatOpsBot.Simulator.Scenarios;

/// <summary>
/// A simulated AWS account in one region, as read from a scenario JSON file (see <c>docs/scenario-format.md</c>).
/// Every list defaults to empty so a scenario only spells out what it needs.
/// </summary>
public sealed record Scenario
{
    public string Name { get; init; } = "unnamed";

    public string? Description { get; init; }

    public string Region { get; init; } = "us-east-1";

    public string AccountId { get; init; } = "123456789012";

    /// <summary>When set, every paginated list API returns at most this many items per page (forces pagination).</summary>
    public int? PageSize { get; init; }

    public IReadOnlyList<ScenarioLoadBalancer> LoadBalancers { get; init; } = [];

    public IReadOnlyList<ScenarioTargetGroup> TargetGroups { get; init; } = [];

    public IReadOnlyList<ScenarioClassicLoadBalancer> ClassicLoadBalancers { get; init; } = [];

    public IReadOnlyList<ScenarioVpc> Vpcs { get; init; } = [];

    public IReadOnlyList<ScenarioDhcpOptions> DhcpOptions { get; init; } = [];

    public IReadOnlyList<ScenarioSubnet> Subnets { get; init; } = [];

    public IReadOnlyList<ScenarioNetworkAcl> NetworkAcls { get; init; } = [];

    public IReadOnlyList<ScenarioSecurityGroup> SecurityGroups { get; init; } = [];

    public IReadOnlyList<ScenarioPrefixList> PrefixLists { get; init; } = [];

    public IReadOnlyList<ScenarioNetworkInterface> NetworkInterfaces { get; init; } = [];

    public IReadOnlyList<ScenarioInstance> Instances { get; init; } = [];

    public ScenarioSsm Ssm { get; init; } = new();

    public ScenarioSts Sts { get; init; } = new();

    public IReadOnlyList<ScenarioDnsRecord> Dns { get; init; } = [];

    public IReadOnlyList<ScenarioMetric> Metrics { get; init; } = [];

    public IReadOnlyList<ScenarioFault> Faults { get; init; } = [];

    /// <summary>What a correct diagnosis says. The simulator ignores it; tests read it.</summary>
    public ScenarioExpectation? Expect { get; init; }
}
