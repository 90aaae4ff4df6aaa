namespace ChatOpsBot.Simulator.Scenarios;

public sealed record ScenarioSubnet
{
    public required string SubnetId { get; init; }

    public required string VpcId { get; init; }

    public required string AvailabilityZone { get; init; }

    public string? AvailabilityZoneId { get; init; }

    public required string CidrBlock { get; init; }

    public IReadOnlyList<string> Ipv6CidrBlocks { get; init; } = [];

    public int AvailableIpAddressCount { get; init; } = 250;

    public bool MapPublicIpOnLaunch { get; init; }

    public string State { get; init; } = "available";

    public IReadOnlyDictionary<string, string> Tags { get; init; } = new Dictionary<string, string>();
}
