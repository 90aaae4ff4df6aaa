using ChatOpsBot.Runbooks.Evidence.Network;
using ChatOpsBot.Runbooks.Network;

namespace ChatOpsBot.Runbooks.Tests.Network;

/// <summary>Builds <see cref="NetworkFacts"/> for one VPC; adding a resource with an existing id replaces it.</summary>
internal sealed class NetworkFactsBuilder
{
    public const string VpcId = "vpc-0demo";

    private readonly Dictionary<string, SecurityGroupDescription> groups = new(StringComparer.Ordinal);
    private readonly Dictionary<string, NetworkAclDescription> acls = new(StringComparer.Ordinal);
    private readonly Dictionary<string, SubnetDescription> subnets = new(StringComparer.Ordinal);
    private readonly Dictionary<string, PrefixListDescription> prefixLists = new(StringComparer.Ordinal);

    public NetworkFactsBuilder WithSubnet(string subnetId, string cidr, string? ipv6Cidr = null)
    {
        subnets[subnetId] = new SubnetDescription(subnetId, VpcId, "eu-west-1a", cidr, ipv6Cidr is null ? [] : [ipv6Cidr]);
        return this;
    }

    public NetworkFactsBuilder WithGroup(string groupId, string name, SecurityGroupRule[] inbound, SecurityGroupRule[] outbound)
    {
        groups[groupId] = new SecurityGroupDescription(groupId, name, VpcId, inbound, outbound);
        return this;
    }

    public NetworkFactsBuilder WithoutGroup(string groupId)
    {
        groups.Remove(groupId);
        return this;
    }

    public NetworkFactsBuilder WithAcl(string aclId, bool isDefault, string[] subnetIds, params NetworkAclEntry[] entries)
    {
        acls[aclId] = new NetworkAclDescription(aclId, VpcId, isDefault, subnetIds, entries);
        return this;
    }

    public NetworkFactsBuilder WithoutAcl(string aclId)
    {
        acls.Remove(aclId);
        return this;
    }

    public NetworkFactsBuilder WithPrefixList(string prefixListId, string name, params string[] cidrs)
    {
        prefixLists[prefixListId] = new PrefixListDescription(prefixListId, name, cidrs);
        return this;
    }

    public NetworkFacts Build() => new(
        [.. groups.Values],
        [.. acls.Values],
        [.. subnets.Values],
        [.. prefixLists.Values],
        new VpcDescription(VpcId, ["10.0.0.0/16"], [], "dopt-0demo", EnableDnsSupport: true, EnableDnsHostnames: true));
}
