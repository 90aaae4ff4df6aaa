namespace ChatOpsBot.Runbooks.Evidence.Network;

/// <summary>Facts from EC2 about the network around a load balancer. Every list is complete (all pages followed).</summary>
public interface INetworkEvidence
{
    /// <summary>The VPC with its CIDRs, DHCP options id and both DNS attributes.</summary>
    Task<VpcDescription> GetVpcAsync(string vpcId, CancellationToken cancellationToken);

    Task<DhcpOptionsDescription?> GetDhcpOptionsAsync(string dhcpOptionsId, CancellationToken cancellationToken);

    Task<IReadOnlyList<SubnetDescription>> GetSubnetsAsync(string vpcId, CancellationToken cancellationToken);

    /// <summary>Every network ACL of the VPC with its subnet associations and entries.</summary>
    Task<IReadOnlyList<NetworkAclDescription>> GetNetworkAclsAsync(string vpcId, CancellationToken cancellationToken);

    /// <summary>Every security group of the VPC.</summary>
    Task<IReadOnlyList<SecurityGroupDescription>> GetSecurityGroupsAsync(string vpcId, CancellationToken cancellationToken);

    /// <summary>Network interfaces whose description is exactly <paramref name="description"/>
    /// (ELB node interfaces are described <c>ELB app/name/id</c> or <c>ELB net/name/id</c>).</summary>
    Task<IReadOnlyList<NetworkInterfaceDescription>> GetInterfacesByDescriptionAsync(string description, CancellationToken cancellationToken);

    /// <summary>Network interfaces in the VPC holding any of the given private IPv4 addresses.</summary>
    Task<IReadOnlyList<NetworkInterfaceDescription>> GetInterfacesByPrivateIpAsync(string vpcId, IReadOnlyCollection<string> privateIps, CancellationToken cancellationToken);

    Task<IReadOnlyList<InstanceDescription>> GetInstancesAsync(IReadOnlyCollection<string> instanceIds, CancellationToken cancellationToken);

    Task<IReadOnlyList<PrefixListDescription>> GetPrefixListsAsync(IReadOnlyCollection<string> prefixListIds, CancellationToken cancellationToken);
}
