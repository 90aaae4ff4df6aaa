namespace ChatOpsBot.Simulator.Scenarios;

/// <summary>An IpPermission: protocol and ports, with sources (inbound) or destinations (outbound).</summary>
public sealed record ScenarioIpPermission
{
    /// <summary>tcp, udp, icmp, icmpv6, -1 (all) or a protocol number.</summary>
    public string IpProtocol { get; init; } = "tcp";

    public int? FromPort { get; init; }

    public int? ToPort { get; init; }

    public IReadOnlyList<string> IpRanges { get; init; } = [];

    public IReadOnlyList<string> Ipv6Ranges { get; init; } = [];

    /// <summary>Referenced security group ids (UserIdGroupPairs).</summary>
    public IReadOnlyList<string> UserIdGroupPairs { get; init; } = [];

    public IReadOnlyList<string> PrefixListIds { get; init; } = [];

    public string? Description { get; init; }
}
