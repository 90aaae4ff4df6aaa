using ChatOpsBot.Runbooks.Evidence.Network;

namespace ChatOpsBot.Contract.Tests.Support;

/// <summary>Compares security group rules by value, lists included (records compare lists by reference).</summary>
internal sealed class RuleComparer : IEqualityComparer<SecurityGroupRule>
{
    public static readonly RuleComparer Instance = new();

    public bool Equals(SecurityGroupRule? x, SecurityGroupRule? y) =>
        x is not null && y is not null
        && x.Protocol == y.Protocol && x.FromPort == y.FromPort && x.ToPort == y.ToPort
        && x.Ipv4Cidrs.SequenceEqual(y.Ipv4Cidrs, StringComparer.Ordinal)
        && x.Ipv6Cidrs.SequenceEqual(y.Ipv6Cidrs, StringComparer.Ordinal)
        && x.ReferencedGroupIds.SequenceEqual(y.ReferencedGroupIds, StringComparer.Ordinal)
        && x.PrefixListIds.SequenceEqual(y.PrefixListIds, StringComparer.Ordinal);

    public int GetHashCode(SecurityGroupRule obj) => StringComparer.Ordinal.GetHashCode(obj.Protocol);
}
