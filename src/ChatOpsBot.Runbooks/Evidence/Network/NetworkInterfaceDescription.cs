namespace ChatOpsBot.Runbooks.Evidence.Network;

public sealed record NetworkInterfaceDescription(
    string NetworkInterfaceId,
    string SubnetId,
    string VpcId,
    string? AvailabilityZone,
    string? PrivateIpAddress,
    IReadOnlyList<string> PrivateIpAddresses,
    IReadOnlyList<string> SecurityGroupIds,
    string? Description,
    string? InstanceId);
