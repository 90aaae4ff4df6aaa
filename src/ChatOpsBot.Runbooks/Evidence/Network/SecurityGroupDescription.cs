namespace ChatOpsBot.Runbooks.Evidence.Network;

public sealed record SecurityGroupDescription(
    string GroupId,
    string GroupName,
    string VpcId,
    IReadOnlyList<SecurityGroupRule> Inbound,
    IReadOnlyList<SecurityGroupRule> Outbound);
