using ChatOpsBot.Runbooks.Evidence.Network;

namespace ChatOpsBot.Runbooks.Tests.Support;

/// <summary>EC2 over a <see cref="FakeAwsAccount"/>.</summary>
internal sealed class FakeNetworkEvidence(FakeAwsAccount account) : INetworkEvidence
{
    private const string Service = "ec2";

    public Task<VpcDescription> GetVpcAsync(string vpcId, CancellationToken cancellationToken) =>
        account.CallAsync(Service, "DescribeVpcs", () => account.Vpcs.Single(v => v.VpcId == vpcId), cancellationToken);

    public Task<DhcpOptionsDescription?> GetDhcpOptionsAsync(string dhcpOptionsId, CancellationToken cancellationToken) =>
        account.CallAsync(Service, "DescribeDhcpOptions", () => account.DhcpOptions.FirstOrDefault(d => d.DhcpOptionsId == dhcpOptionsId), cancellationToken);

    public Task<IReadOnlyList<SubnetDescription>> GetSubnetsAsync(string vpcId, CancellationToken cancellationToken) =>
        account.CallAsync<IReadOnlyList<SubnetDescription>>(Service, "DescribeSubnets", () => [.. account.Subnets.Where(s => s.VpcId == vpcId)], cancellationToken);

    public Task<IReadOnlyList<NetworkAclDescription>> GetNetworkAclsAsync(string vpcId, CancellationToken cancellationToken) =>
        account.CallAsync<IReadOnlyList<NetworkAclDescription>>(Service, "DescribeNetworkAcls", () => [.. account.NetworkAcls.Where(a => a.VpcId == vpcId)], cancellationToken);

    public Task<IReadOnlyList<SecurityGroupDescription>> GetSecurityGroupsAsync(string vpcId, CancellationToken cancellationToken) =>
        account.CallAsync<IReadOnlyList<SecurityGroupDescription>>(Service, "DescribeSecurityGroups", () => [.. account.SecurityGroups.Where(g => g.VpcId == vpcId)], cancellationToken);

    public Task<IReadOnlyList<NetworkInterfaceDescription>> GetInterfacesByDescriptionAsync(string description, CancellationToken cancellationToken) =>
        account.CallAsync<IReadOnlyList<NetworkInterfaceDescription>>(Service, "DescribeNetworkInterfaces", () => [.. account.Interfaces.Where(n => n.Description == description)], cancellationToken);

    public Task<IReadOnlyList<NetworkInterfaceDescription>> GetInterfacesByPrivateIpAsync(string vpcId, IReadOnlyCollection<string> privateIps, CancellationToken cancellationToken) =>
        account.CallAsync<IReadOnlyList<NetworkInterfaceDescription>>(Service, "DescribeNetworkInterfaces", () => [.. account.Interfaces.Where(n => n.VpcId == vpcId && n.PrivateIpAddresses.Any(privateIps.Contains))], cancellationToken);

    public Task<IReadOnlyList<InstanceDescription>> GetInstancesAsync(IReadOnlyCollection<string> instanceIds, CancellationToken cancellationToken) =>
        account.CallAsync<IReadOnlyList<InstanceDescription>>(Service, "DescribeInstances", () => [.. account.Instances.Where(i => instanceIds.Contains(i.InstanceId))], cancellationToken);

    public Task<IReadOnlyList<PrefixListDescription>> GetPrefixListsAsync(IReadOnlyCollection<string> prefixListIds, CancellationToken cancellationToken) =>
        account.CallAsync<IReadOnlyList<PrefixListDescription>>(Service, "GetManagedPrefixListEntries", () => [], cancellationToken);
}
