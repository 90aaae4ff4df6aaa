namespace ChatOpsBot.Simulator.Scenarios;

/// <summary>A Classic load balancer; only its existence (by name) is served.</summary>
public sealed record ScenarioClassicLoadBalancer
{
    public required string Name { get; init; }

    public string? DnsName { get; init; }

    public string Scheme { get; init; } = "internet-facing";

    public string? VpcId { get; init; }

    public IReadOnlyList<string> AvailabilityZones { get; init; } = [];

    public IReadOnlyList<string> Subnets { get; init; } = [];
}
