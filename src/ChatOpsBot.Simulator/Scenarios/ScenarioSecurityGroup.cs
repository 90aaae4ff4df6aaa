namespace ChatOpsBot.Simulator.Scenarios;

public sealed record ScenarioSecurityGroup
{
    public required string GroupId { get; init; }

    public required string GroupName { get; init; }

    public string Description { get; init; } = "managed by scenario";

    public required string VpcId { get; init; }

    /// <summary>Defaults to the scenario account.</summary>
    public string? OwnerId { get; init; }

    public IReadOnlyList<ScenarioIpPermission> IpPermissions { get; init; } = [];

    /// <summary>Outbound rules; when omitted the default "all traffic to 0.0.0.0/0" rule applies.</summary>
    public IReadOnlyList<ScenarioIpPermission>? IpPermissionsEgress { get; init; }

    public IReadOnlyDictionary<string, string> Tags { get; init; } = new Dictionary<string, string>();
}
