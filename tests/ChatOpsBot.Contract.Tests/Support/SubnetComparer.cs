using ChatOpsBot.Runbooks.Evidence.Network;

namespace ChatOpsBot.Contract.Tests.Support;

/// <summary>Compares subnet records by value, lists included (records compare lists by reference).</summary>
internal sealed class SubnetComparer : IEqualityComparer<SubnetDescription>
{
    public static readonly SubnetComparer Instance = new();

    public bool Equals(SubnetDescription? x, SubnetDescription? y) =>
        x is not null && y is not null
        && x.SubnetId == y.SubnetId && x.VpcId == y.VpcId && x.AvailabilityZone == y.AvailabilityZone && x.CidrBlock == y.CidrBlock
        && x.Ipv6CidrBlocks.SequenceEqual(y.Ipv6CidrBlocks, StringComparer.Ordinal);

    public int GetHashCode(SubnetDescription obj) => StringComparer.Ordinal.GetHashCode(obj.SubnetId);
}
