namespace ChatOpsBot.Simulator.Scenarios;

public sealed record ScenarioManagedInstance
{
    public required string InstanceId { get; init; }

    /// <summary>Online, ConnectionLost or Inactive.</summary>
    public string PingStatus { get; init; } = "Online";

    public string AgentVersion { get; init; } = "3.3.1142.0";

    public bool IsLatestVersion { get; init; }

    /// <summary>Linux, Windows or MacOS.</summary>
    public string PlatformType { get; init; } = "Linux";

    public string PlatformName { get; init; } = "Amazon Linux";

    public string PlatformVersion { get; init; } = "2023";

    public string? IpAddress { get; init; }

    public string? ComputerName { get; init; }
}
