namespace ChatOpsBot.Runbooks.Evidence.Network;

/// <summary>One IpPermission of a security group: a protocol and port range, open to any of several sources
/// (inbound) or destinations (outbound).</summary>
/// <param name="Protocol"><c>-1</c> (all), <c>tcp</c>, <c>udp</c>, <c>icmp</c>, <c>icmpv6</c> or a protocol number as text.</param>
/// <param name="FromPort">Null or -1 when the protocol has no ports or all are meant.</param>
public sealed record SecurityGroupRule(
    string Protocol,
    int? FromPort,
    int? ToPort,
    IReadOnlyList<string> Ipv4Cidrs,
    IReadOnlyList<string> Ipv6Cidrs,
    IReadOnlyList<string> ReferencedGroupIds,
    IReadOnlyList<string> PrefixListIds);
