namespace ChatOpsBot.Simulator.Scenarios;

public sealed record ScenarioVpc
{
    public required string VpcId { get; init; }

    public required string CidrBlock { get; init; }

    /// <summary>Secondary IPv4 CIDRs.</summary>
    public IReadOnlyList<string> AdditionalCidrBlocks { get; init; } = [];

    public IReadOnlyList<string> Ipv6CidrBlocks { get; init; } = [];

    public string? DhcpOptionsId { get; init; }

    public bool IsDefault { get; init; }

    public string State { get; init; } = "available";

    public bool EnableDnsSupport { get; init; } = true;

    public bool EnableDnsHostnames { get; init; } = true;

    public IReadOnlyDictionary<string, string> Tags { get; init; } = new Dictionary<string, string>();
}
