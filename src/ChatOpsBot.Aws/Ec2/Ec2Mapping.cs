using Amazon.EC2.Model;
using ChatOpsBot.Runbooks.Evidence.Network;
using NetworkAclEntry = ChatOpsBot.Runbooks.Evidence.Network.NetworkAclEntry;
using SecurityGroupRule = ChatOpsBot.Runbooks.Evidence.Network.SecurityGroupRule;

namespace ChatOpsBot.Aws.Ec2;

/// <summary>SDK model → evidence records. The SDK v4 returns null for empty collections; every list is normalised here.</summary>
internal static class Ec2Mapping
{
    public static VpcDescription Vpc(Vpc vpc, bool? enableDnsSupport, bool? enableDnsHostnames)
    {
        var cidrs = (vpc.CidrBlockAssociationSet ?? [])
            .Where(a => a.CidrBlockState?.State is null || a.CidrBlockState.State == Amazon.EC2.VpcCidrBlockStateCode.Associated)
            .Select(a => a.CidrBlock)
            .Where(c => !string.IsNullOrEmpty(c))
            .ToList();
        if (cidrs.Count == 0 && !string.IsNullOrEmpty(vpc.CidrBlock))
        {
            cidrs.Add(vpc.CidrBlock);
        }

        return new VpcDescription(
            VpcId: vpc.VpcId ?? string.Empty,
            CidrBlocks: [.. cidrs.Distinct(StringComparer.Ordinal)],
            Ipv6CidrBlocks: [.. (vpc.Ipv6CidrBlockAssociationSet ?? [])
                .Where(a => a.Ipv6CidrBlockState?.State is null || a.Ipv6CidrBlockState.State == Amazon.EC2.VpcCidrBlockStateCode.Associated)
                .Select(a => a.Ipv6CidrBlock)
                .Where(c => !string.IsNullOrEmpty(c))],
            DhcpOptionsId: NullIfEmpty(vpc.DhcpOptionsId),
            EnableDnsSupport: enableDnsSupport,
            EnableDnsHostnames: enableDnsHostnames);
    }

    public static DhcpOptionsDescription DhcpOptions(DhcpOptions options)
    {
        IReadOnlyList<string> ValuesOf(string key) =>
            [.. (options.DhcpConfigurations ?? []).Where(c => c.Key == key).SelectMany(c => c.Values ?? []).Where(v => !string.IsNullOrEmpty(v))];
        return new DhcpOptionsDescription(options.DhcpOptionsId ?? string.Empty, ValuesOf("domain-name-servers"), ValuesOf("domain-name"));
    }

    public static SubnetDescription Subnet(Subnet subnet) => new(
        SubnetId: subnet.SubnetId ?? string.Empty,
        VpcId: subnet.VpcId ?? string.Empty,
        AvailabilityZone: subnet.AvailabilityZone ?? string.Empty,
        CidrBlock: subnet.CidrBlock ?? string.Empty,
        Ipv6CidrBlocks: [.. (subnet.Ipv6CidrBlockAssociationSet ?? []).Select(a => a.Ipv6CidrBlock).Where(c => !string.IsNullOrEmpty(c))])
    {
        AvailableIpAddressCount = subnet.AvailableIpAddressCount,
    };

    public static NetworkAclDescription NetworkAcl(NetworkAcl acl) => new(
        NetworkAclId: acl.NetworkAclId ?? string.Empty,
        VpcId: acl.VpcId ?? string.Empty,
        IsDefault: acl.IsDefault ?? false,
        SubnetIds: [.. (acl.Associations ?? []).Select(a => a.SubnetId).Where(s => !string.IsNullOrEmpty(s)).Distinct(StringComparer.Ordinal)],
        Entries: [.. (acl.Entries ?? []).Select(NetworkAclEntry)]);

    public static NetworkAclEntry NetworkAclEntry(Amazon.EC2.Model.NetworkAclEntry entry) => new(
        RuleNumber: entry.RuleNumber ?? 0,
        Protocol: string.IsNullOrEmpty(entry.Protocol) ? "-1" : entry.Protocol,
        RuleAction: entry.RuleAction?.Value ?? "deny",
        Egress: entry.Egress ?? false,
        CidrBlock: NullIfEmpty(entry.CidrBlock),
        Ipv6CidrBlock: NullIfEmpty(entry.Ipv6CidrBlock),
        PortFrom: entry.PortRange?.From,
        PortTo: entry.PortRange?.To);

    public static SecurityGroupDescription SecurityGroup(SecurityGroup group) => new(
        GroupId: group.GroupId ?? string.Empty,
        GroupName: group.GroupName ?? string.Empty,
        VpcId: group.VpcId ?? string.Empty,
        Inbound: [.. (group.IpPermissions ?? []).Select(Rule)],
        Outbound: [.. (group.IpPermissionsEgress ?? []).Select(Rule)]);

    public static SecurityGroupRule Rule(IpPermission permission) => new(
        Protocol: string.IsNullOrEmpty(permission.IpProtocol) ? "-1" : permission.IpProtocol,
        FromPort: permission.FromPort,
        ToPort: permission.ToPort,
        Ipv4Cidrs: [.. (permission.Ipv4Ranges ?? []).Select(r => r.CidrIp).Where(c => !string.IsNullOrEmpty(c))],
        Ipv6Cidrs: [.. (permission.Ipv6Ranges ?? []).Select(r => r.CidrIpv6).Where(c => !string.IsNullOrEmpty(c))],
        ReferencedGroupIds: [.. (permission.UserIdGroupPairs ?? []).Select(p => p.GroupId).Where(g => !string.IsNullOrEmpty(g))],
        PrefixListIds: [.. (permission.PrefixListIds ?? []).Select(p => p.Id).Where(p => !string.IsNullOrEmpty(p))]);

    public static NetworkInterfaceDescription NetworkInterface(NetworkInterface eni)
    {
        var privateIps = (eni.PrivateIpAddresses ?? []).Select(p => p.PrivateIpAddress).Where(p => !string.IsNullOrEmpty(p)).ToList();
        if (privateIps.Count == 0 && !string.IsNullOrEmpty(eni.PrivateIpAddress))
        {
            privateIps.Add(eni.PrivateIpAddress);
        }

        return new NetworkInterfaceDescription(
            NetworkInterfaceId: eni.NetworkInterfaceId ?? string.Empty,
            SubnetId: eni.SubnetId ?? string.Empty,
            VpcId: eni.VpcId ?? string.Empty,
            AvailabilityZone: NullIfEmpty(eni.AvailabilityZone),
            PrivateIpAddress: NullIfEmpty(eni.PrivateIpAddress),
            PrivateIpAddresses: [.. privateIps.Distinct(StringComparer.Ordinal)],
            SecurityGroupIds: [.. (eni.Groups ?? []).Select(g => g.GroupId).Where(g => !string.IsNullOrEmpty(g))],
            Description: NullIfEmpty(eni.Description),
            InstanceId: NullIfEmpty(eni.Attachment?.InstanceId));
    }

    public static InstanceDescription Instance(Instance instance)
    {
        var interfaces = instance.NetworkInterfaces ?? [];
        var primary = interfaces.FirstOrDefault(n => n.Attachment?.DeviceIndex == 0) ?? (interfaces.Count == 1 ? interfaces[0] : null);
        var groups = primary?.Groups ?? instance.SecurityGroups ?? [];
        return new InstanceDescription(
            InstanceId: instance.InstanceId ?? string.Empty,
            StateName: instance.State?.Name?.Value ?? "unknown",
            SubnetId: NullIfEmpty(instance.SubnetId),
            VpcId: NullIfEmpty(instance.VpcId),
            AvailabilityZone: NullIfEmpty(instance.Placement?.AvailabilityZone),
            PrivateIpAddress: NullIfEmpty(instance.PrivateIpAddress),
            SecurityGroupIds: [.. groups.Select(g => g.GroupId).Where(g => !string.IsNullOrEmpty(g)).Distinct(StringComparer.Ordinal)]);
    }

    private static string? NullIfEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;
}
