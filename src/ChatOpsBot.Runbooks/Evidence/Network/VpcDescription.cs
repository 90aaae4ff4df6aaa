namespace ChatOpsBot.Runbooks.Evidence.Network;

/// <param name="EnableDnsSupport">From DescribeVpcAttribute; null when that call was not allowed.</param>
public sealed record VpcDescription(
    string VpcId,
    IReadOnlyList<string> CidrBlocks,
    IReadOnlyList<string> Ipv6CidrBlocks,
    string? DhcpOptionsId,
    bool? EnableDnsSupport,
    bool? EnableDnsHostnames);
