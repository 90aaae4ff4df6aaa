namespace ChatOpsBot.Runbooks.Evidence.Network;

/// <param name="StateName">pending, running, shutting-down, terminated, stopping, stopped.</param>
/// <param name="SecurityGroupIds">The groups of the primary network interface (the one ELB reaches).</param>
public sealed record InstanceDescription(
    string InstanceId,
    string StateName,
    string? SubnetId,
    string? VpcId,
    string? AvailabilityZone,
    string? PrivateIpAddress,
    IReadOnlyList<string> SecurityGroupIds);
