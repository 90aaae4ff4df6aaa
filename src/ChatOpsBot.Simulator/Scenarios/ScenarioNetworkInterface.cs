namespace ChatOpsBot.Simulator.Scenarios;

public sealed record ScenarioNetworkInterface
{
    public required string NetworkInterfaceId { get; init; }

    public required string SubnetId { get; init; }

    /// <summary>Defaults to the subnet's VPC.</summary>
    public string? VpcId { get; init; }

    /// <summary>Defaults to the subnet's zone.</summary>
    public string? AvailabilityZone { get; init; }

    public string Description { get; init; } = "";

    public required string PrivateIpAddress { get; init; }

    /// <summary>Secondary private IPv4 addresses.</summary>
    public IReadOnlyList<string> SecondaryPrivateIpAddresses { get; init; } = [];

    public string? PublicIp { get; init; }

    public IReadOnlyList<string> Groups { get; init; } = [];

    public string? InstanceId { get; init; }

    /// <summary>interface, network_load_balancer, ...</summary>
    public string InterfaceType { get; init; } = "interface";

    public string Status { get; init; } = "in-use";

    public bool RequesterManaged { get; init; }

    public string? RequesterId { get; init; }
}
