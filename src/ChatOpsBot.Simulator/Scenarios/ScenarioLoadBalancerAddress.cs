namespace ChatOpsBot.Simulator.Scenarios;

public sealed record ScenarioLoadBalancerAddress
{
    public string? IpAddress { get; init; }

    public string? AllocationId { get; init; }

    public string? PrivateIPv4Address { get; init; }

    public string? IPv6Address { get; init; }
}
