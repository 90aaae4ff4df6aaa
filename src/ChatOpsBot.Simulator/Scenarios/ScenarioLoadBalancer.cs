namespace ChatOpsBot.Simulator.Scenarios;

/// <summary>An ELBv2 load balancer (application, network or gateway) with its listeners.</summary>
public sealed record ScenarioLoadBalancer
{
    public required string Name { get; init; }

    public required string Arn { get; init; }

    /// <summary>application, network or gateway.</summary>
    public string Type { get; init; } = "application";

    /// <summary>internet-facing or internal.</summary>
    public string Scheme { get; init; } = "internet-facing";

    public required string VpcId { get; init; }

    public required string DnsName { get; init; }

    public string CanonicalHostedZoneId { get; init; } = "Z35SXDOTRQ7X7K";

    public DateTimeOffset CreatedTime { get; init; } = new(2024, 3, 12, 9, 41, 7, 517, TimeSpan.Zero);

    public string IpAddressType { get; init; } = "ipv4";

    public ScenarioLoadBalancerState State { get; init; } = new();

    public IReadOnlyList<ScenarioAvailabilityZone> AvailabilityZones { get; init; } = [];

    public IReadOnlyList<string> SecurityGroups { get; init; } = [];

    public IReadOnlyDictionary<string, string> Attributes { get; init; } = new Dictionary<string, string>();

    public ScenarioCapacityReservation? CapacityReservation { get; init; }

    public IReadOnlyList<ScenarioListener> Listeners { get; init; } = [];
}
