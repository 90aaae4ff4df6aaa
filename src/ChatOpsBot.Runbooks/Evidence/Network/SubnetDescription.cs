namespace ChatOpsBot.Runbooks.Evidence.Network;

public sealed record SubnetDescription(
    string SubnetId,
    string VpcId,
    string AvailabilityZone,
    string CidrBlock,
    IReadOnlyList<string> Ipv6CidrBlocks)
{
    /// <summary>Free IPv4 addresses left in the subnet (a load balancer needs some to scale); null when unknown.</summary>
    public int? AvailableIpAddressCount { get; init; }
}
