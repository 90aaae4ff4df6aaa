namespace ChatOpsBot.Runbooks.Evidence.Network;

/// <param name="SubnetIds">The subnets associated with this ACL.</param>
public sealed record NetworkAclDescription(
    string NetworkAclId,
    string VpcId,
    bool IsDefault,
    IReadOnlyList<string> SubnetIds,
    IReadOnlyList<NetworkAclEntry> Entries);
