namespace ChatOpsBot.Runbooks.Evidence.Network;

public sealed record SubnetDescription(
    string SubnetId,
    string VpcId,
    string AvailabilityZone,
    string CidrBlock,
    IReadOnlyList<string> Ipv6CidrBlocks);
