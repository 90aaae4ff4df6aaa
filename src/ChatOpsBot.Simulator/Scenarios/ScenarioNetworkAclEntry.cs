namespace ChatOpsBot.Simulator.Scenarios;

public sealed record ScenarioNetworkAclEntry
{
    public required int RuleNumber { get; init; }

    /// <summary>Protocol number as text: <c>-1</c> all, <c>6</c> TCP, <c>17</c> UDP.</summary>
    public string Protocol { get; init; } = "-1";

    /// <summary>allow or deny.</summary>
    public string RuleAction { get; init; } = "allow";

    public bool Egress { get; init; }

    public string? CidrBlock { get; init; }

    public string? Ipv6CidrBlock { get; init; }

    public ScenarioPortRange? PortRange { get; init; }
}
