using ChatOpsBot.Runbooks.Evidence.Network;

namespace ChatOpsBot.Runbooks.Tests.Network;

/// <summary>Security-group rules as DescribeSecurityGroups returns them.</summary>
internal static class SgRules
{
    public static SecurityGroupRule AllTrafficTo(string cidr) => new("-1", null, null, [cidr], [], [], []);

    public static SecurityGroupRule AllTrafficFromGroup(string groupId) => new("-1", -1, -1, [], [], [groupId], []);

    public static SecurityGroupRule TcpFromGroup(int from, int to, string groupId) => new("tcp", from, to, [], [], [groupId], []);

    public static SecurityGroupRule TcpFromCidr(int from, int to, string cidr) => new("tcp", from, to, [cidr], [], [], []);

    public static SecurityGroupRule TcpFromPrefixList(int from, int to, string prefixListId) => new("tcp", from, to, [], [], [], [prefixListId]);

    public static SecurityGroupRule Tcp(int port, string groupId) => TcpFromGroup(port, port, groupId);
}
