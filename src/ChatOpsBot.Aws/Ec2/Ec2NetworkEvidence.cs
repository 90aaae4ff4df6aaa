using Amazon.EC2;
using Amazon.EC2.Model;
using ChatOpsBot.Aws.Sdk;
using ChatOpsBot.Runbooks.Evidence;
using ChatOpsBot.Runbooks.Evidence.Network;

namespace ChatOpsBot.Aws.Ec2;

/// <summary><see cref="INetworkEvidence"/> through the official EC2 SDK client; every listing follows NextToken.</summary>
internal sealed class Ec2NetworkEvidence(IAmazonEC2 ec2, SdkCallRunner runner) : INetworkEvidence
{
    /// <summary>DescribeInstances takes at most this many ids per request.</summary>
    public const int MaxInstanceIdsPerCall = 1000;

    /// <summary>Filter values per request, kept well inside EC2's limit.</summary>
    public const int MaxFilterValues = 200;

    public async Task<VpcDescription> GetVpcAsync(string vpcId, CancellationToken cancellationToken)
    {
        var vpcs = runner.RunAsync(
            "DescribeVpcs", ct => ec2.DescribeVpcsAsync(new DescribeVpcsRequest { VpcIds = [vpcId] }, ct), cancellationToken);
        var dnsSupport = VpcAttributeAsync(vpcId, VpcAttributeName.EnableDnsSupport, r => r.EnableDnsSupport, cancellationToken);
        var dnsHostnames = VpcAttributeAsync(vpcId, VpcAttributeName.EnableDnsHostnames, r => r.EnableDnsHostnames, cancellationToken);
        await Task.WhenAll(vpcs, dnsSupport, dnsHostnames).ConfigureAwait(false);
        var vpc = (await vpcs.ConfigureAwait(false)).Vpcs?.FirstOrDefault()
            ?? throw new EvidenceException(EvidenceFailureKind.NotFound, "ec2", "DescribeVpcs", "InvalidVpcID.NotFound", $"AWS found no VPC {vpcId}.");
        return Ec2Mapping.Vpc(vpc, await dnsSupport.ConfigureAwait(false), await dnsHostnames.ConfigureAwait(false));
    }

    public async Task<DhcpOptionsDescription?> GetDhcpOptionsAsync(string dhcpOptionsId, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(dhcpOptionsId) || dhcpOptionsId == "default")
        {
            return null;
        }

        try
        {
            var response = await runner.RunAsync(
                "DescribeDhcpOptions",
                ct => ec2.DescribeDhcpOptionsAsync(new DescribeDhcpOptionsRequest { DhcpOptionsIds = [dhcpOptionsId] }, ct),
                cancellationToken).ConfigureAwait(false);
            return response.DhcpOptions?.FirstOrDefault() is { } options ? Ec2Mapping.DhcpOptions(options) : null;
        }
        catch (EvidenceException ex) when (ex.Kind == EvidenceFailureKind.NotFound)
        {
            return null;
        }
    }

    public async Task<IReadOnlyList<SubnetDescription>> GetSubnetsAsync(string vpcId, CancellationToken cancellationToken)
    {
        var subnets = await runner.PageAsync(
            "DescribeSubnets",
            (token, ct) => ec2.DescribeSubnetsAsync(new DescribeSubnetsRequest { Filters = [VpcFilter(vpcId)], NextToken = token }, ct),
            r => r.NextToken,
            r => r.Subnets,
            cancellationToken).ConfigureAwait(false);
        return [.. subnets.Select(Ec2Mapping.Subnet)];
    }

    public async Task<IReadOnlyList<NetworkAclDescription>> GetNetworkAclsAsync(string vpcId, CancellationToken cancellationToken)
    {
        var acls = await runner.PageAsync(
            "DescribeNetworkAcls",
            (token, ct) => ec2.DescribeNetworkAclsAsync(new DescribeNetworkAclsRequest { Filters = [VpcFilter(vpcId)], NextToken = token }, ct),
            r => r.NextToken,
            r => r.NetworkAcls,
            cancellationToken).ConfigureAwait(false);
        return [.. acls.Select(Ec2Mapping.NetworkAcl)];
    }

    public async Task<IReadOnlyList<SecurityGroupDescription>> GetSecurityGroupsAsync(string vpcId, CancellationToken cancellationToken)
    {
        var groups = await runner.PageAsync(
            "DescribeSecurityGroups",
            (token, ct) => ec2.DescribeSecurityGroupsAsync(new DescribeSecurityGroupsRequest { Filters = [VpcFilter(vpcId)], NextToken = token }, ct),
            r => r.NextToken,
            r => r.SecurityGroups,
            cancellationToken).ConfigureAwait(false);
        return [.. groups.Select(Ec2Mapping.SecurityGroup)];
    }

    public async Task<IReadOnlyList<NetworkInterfaceDescription>> GetInterfacesByDescriptionAsync(string description, CancellationToken cancellationToken)
    {
        var interfaces = await runner.PageAsync(
            "DescribeNetworkInterfaces",
            (token, ct) => ec2.DescribeNetworkInterfacesAsync(
                new DescribeNetworkInterfacesRequest { Filters = [new Filter("description", [description])], NextToken = token }, ct),
            r => r.NextToken,
            r => r.NetworkInterfaces,
            cancellationToken).ConfigureAwait(false);
        return [.. interfaces.Select(Ec2Mapping.NetworkInterface)];
    }

    public async Task<IReadOnlyList<NetworkInterfaceDescription>> GetInterfacesByPrivateIpAsync(
        string vpcId, IReadOnlyCollection<string> privateIps, CancellationToken cancellationToken)
    {
        var distinct = privateIps.Where(ip => !string.IsNullOrWhiteSpace(ip)).Distinct(StringComparer.Ordinal).ToArray();
        if (distinct.Length == 0)
        {
            return [];
        }

        var chunks = await Task.WhenAll(distinct.Chunk(MaxFilterValues).Select(chunk => runner.PageAsync(
            "DescribeNetworkInterfaces",
            (token, ct) => ec2.DescribeNetworkInterfacesAsync(
                new DescribeNetworkInterfacesRequest
                {
                    Filters = [VpcFilter(vpcId), new Filter("addresses.private-ip-address", [.. chunk])],
                    NextToken = token,
                },
                ct),
            r => r.NextToken,
            r => r.NetworkInterfaces,
            cancellationToken))).ConfigureAwait(false);
        return [.. chunks.SelectMany(c => c).DistinctBy(n => n.NetworkInterfaceId).Select(Ec2Mapping.NetworkInterface)];
    }

    public async Task<IReadOnlyList<InstanceDescription>> GetInstancesAsync(IReadOnlyCollection<string> instanceIds, CancellationToken cancellationToken)
    {
        var distinct = instanceIds.Where(id => !string.IsNullOrWhiteSpace(id)).Distinct(StringComparer.Ordinal).ToArray();
        if (distinct.Length == 0)
        {
            return [];
        }

        var chunks = await Task.WhenAll(distinct.Chunk(MaxInstanceIdsPerCall).Select(chunk => InstancesChunkAsync(chunk, cancellationToken)))
            .ConfigureAwait(false);
        return [.. chunks.SelectMany(c => c).DistinctBy(i => i.InstanceId).Select(Ec2Mapping.Instance)];
    }

    public async Task<IReadOnlyList<PrefixListDescription>> GetPrefixListsAsync(IReadOnlyCollection<string> prefixListIds, CancellationToken cancellationToken)
    {
        var distinct = prefixListIds.Where(id => !string.IsNullOrWhiteSpace(id)).Distinct(StringComparer.Ordinal).ToList();
        if (distinct.Count == 0)
        {
            return [];
        }

        var lists = await runner.PageAsync(
            "DescribeManagedPrefixLists",
            (token, ct) => ec2.DescribeManagedPrefixListsAsync(new DescribeManagedPrefixListsRequest { PrefixListIds = distinct, NextToken = token }, ct),
            r => r.NextToken,
            r => r.PrefixLists,
            cancellationToken).ConfigureAwait(false);
        var described = await Task.WhenAll(lists.Select(async list =>
        {
            var entries = await runner.PageAsync(
                "GetManagedPrefixListEntries",
                (token, ct) => ec2.GetManagedPrefixListEntriesAsync(new GetManagedPrefixListEntriesRequest { PrefixListId = list.PrefixListId, NextToken = token }, ct),
                r => r.NextToken,
                r => r.Entries,
                cancellationToken).ConfigureAwait(false);
            return new PrefixListDescription(
                list.PrefixListId ?? string.Empty,
                string.IsNullOrEmpty(list.PrefixListName) ? null : list.PrefixListName,
                [.. entries.Select(e => e.Cidr).Where(c => !string.IsNullOrEmpty(c))]);
        })).ConfigureAwait(false);
        return described;
    }

    private static Filter VpcFilter(string vpcId) => new("vpc-id", [vpcId]);

    /// <summary>By ids; when one of them no longer exists (InvalidInstanceID.NotFound fails the whole request),
    /// asks again with an <c>instance-id</c> filter, which simply leaves unknown ids out.</summary>
    private async Task<List<Instance>> InstancesChunkAsync(string[] chunk, CancellationToken cancellationToken)
    {
        static IEnumerable<Instance> Flatten(DescribeInstancesResponse r) => (r.Reservations ?? []).SelectMany(res => res.Instances ?? []);
        try
        {
            return await runner.PageAsync(
                "DescribeInstances",
                (token, ct) => ec2.DescribeInstancesAsync(new DescribeInstancesRequest { InstanceIds = [.. chunk], NextToken = token }, ct),
                r => r.NextToken,
                Flatten,
                cancellationToken).ConfigureAwait(false);
        }
        catch (EvidenceException ex) when (ex.Kind == EvidenceFailureKind.NotFound)
        {
            var parts = await Task.WhenAll(chunk.Chunk(MaxFilterValues).Select(part => runner.PageAsync(
                "DescribeInstances",
                (token, ct) => ec2.DescribeInstancesAsync(
                    new DescribeInstancesRequest { Filters = [new Filter("instance-id", [.. part])], NextToken = token }, ct),
                r => r.NextToken,
                Flatten,
                cancellationToken))).ConfigureAwait(false);
            return [.. parts.SelectMany(p => p)];
        }
    }

    private async Task<bool?> VpcAttributeAsync(
        string vpcId, VpcAttributeName attribute, Func<DescribeVpcAttributeResponse, bool?> read, CancellationToken cancellationToken)
    {
        try
        {
            var response = await runner.RunAsync(
                "DescribeVpcAttribute",
                ct => ec2.DescribeVpcAttributeAsync(new DescribeVpcAttributeRequest { VpcId = vpcId, Attribute = attribute }, ct),
                cancellationToken).ConfigureAwait(false);
            return read(response);
        }
        catch (EvidenceException ex) when (ex.Kind == EvidenceFailureKind.AccessDenied)
        {
            return null;
        }
    }
}
