using ChatOpsBot.Runbooks.Evidence.Network;

namespace ChatOpsBot.Runbooks.Tests.Network;

/// <summary>Network ACL entries as DescribeNetworkAcls returns them (protocol numbers as text).</summary>
internal static class AclEntries
{
    public static NetworkAclEntry AllowAll(int ruleNumber, bool egress, string cidr = "0.0.0.0/0") =>
        new(ruleNumber, "-1", "allow", egress, cidr, null, null, null);

    public static NetworkAclEntry DenyAll(int ruleNumber, bool egress, string cidr = "0.0.0.0/0") =>
        new(ruleNumber, "-1", "deny", egress, cidr, null, null, null);

    public static NetworkAclEntry AllowTcp(int ruleNumber, bool egress, string cidr, int from, int to) =>
        new(ruleNumber, "6", "allow", egress, cidr, null, from, to);

    public static NetworkAclEntry DenyTcp(int ruleNumber, bool egress, string cidr, int from, int to) =>
        new(ruleNumber, "6", "deny", egress, cidr, null, from, to);

    /// <summary>The <c>*</c> entries AWS lists and moto omits.</summary>
    public static NetworkAclEntry[] ListedImplicitDenies() =>
    [
        DenyAll(32767, egress: false),
        DenyAll(32767, egress: true),
    ];

    /// <summary>The default ACL's entries: allow everything both ways, then the listed <c>*</c> denies.</summary>
    public static NetworkAclEntry[] DefaultAllowAll() =>
    [
        AllowAll(100, egress: false),
        AllowAll(100, egress: true),
        .. ListedImplicitDenies(),
    ];
}
