namespace ChatOpsBot.Simulator.Scenarios;

public sealed record ScenarioInstance
{
    public required string InstanceId { get; init; }

    public string InstanceType { get; init; } = "t3.micro";

    public string ImageId { get; init; } = "ami-0abcdef1234567890";

    /// <summary>pending, running, shutting-down, terminated, stopping or stopped.</summary>
    public string State { get; init; } = "running";

    public required string SubnetId { get; init; }

    /// <summary>Defaults to the subnet's VPC.</summary>
    public string? VpcId { get; init; }

    /// <summary>Defaults to the subnet's zone.</summary>
    public string? AvailabilityZone { get; init; }

    public required string PrivateIpAddress { get; init; }

    public IReadOnlyList<string> SecurityGroups { get; init; } = [];

    /// <summary>The primary ENI; derived when no listed interface names this instance.</summary>
    public string? NetworkInterfaceId { get; init; }

    public DateTimeOffset LaunchTime { get; init; } = new(2024, 11, 2, 8, 15, 0, TimeSpan.Zero);

    public IReadOnlyDictionary<string, string> Tags { get; init; } = new Dictionary<string, string>();
}
