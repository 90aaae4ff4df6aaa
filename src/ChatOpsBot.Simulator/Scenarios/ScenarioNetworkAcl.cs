namespace ChatOpsBot.Simulator.Scenarios;

/// <summary>A network ACL. The implicit <c>*</c> deny entries (rule 32767) are added by the simulator, as AWS lists them.</summary>
public sealed record ScenarioNetworkAcl
{
    public required string NetworkAclId { get; init; }

    public required string VpcId { get; init; }

    public bool IsDefault { get; init; }

    /// <summary>Subnets associated with this ACL.</summary>
    public IReadOnlyList<string> Associations { get; init; } = [];

    public IReadOnlyList<ScenarioNetworkAclEntry> Entries { get; init; } = [];
}
