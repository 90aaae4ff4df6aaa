using ChatOpsBot.Aws;
using ChatOpsBot.Contract.Tests.Support;
using ChatOpsBot.Runbooks.Evidence.Network;

namespace ChatOpsBot.Contract.Tests.Ec2;

/// <summary>Every EC2 call the bot makes, through the official SDK client as the adapter configures it, against moto.</summary>
[Collection(MotoCollection.Name)]
public sealed class NetworkContractTests(MotoServer moto) : IDisposable
{
    private readonly Lazy<AwsEvidenceSet> _aws = new(() => MotoAws.Create(moto));

    private SeededEstate Seed => moto.Estate;

    private INetworkEvidence Net => _aws.Value.Network;

    public void Dispose()
    {
        if (_aws.IsValueCreated)
        {
            _aws.Value.Dispose();
        }
    }

    [SkippableFact]
    public async Task GetVpc_SeededVpc_ParsesCidrDhcpOptionsAndBothDnsAttributes()
    {
        moto.SkipIfUnavailable();

        var vpc = await Net.GetVpcAsync(Seed.VpcId, CancellationToken.None);

        Assert.Equal(Seed.VpcId, vpc.VpcId);
        Assert.Equal([Seed.VpcCidr], vpc.CidrBlocks);
        Assert.Empty(vpc.Ipv6CidrBlocks);
        Assert.Equal(Seed.DhcpOptionsId, vpc.DhcpOptionsId);
        Assert.True(vpc.EnableDnsSupport);
        Assert.True(vpc.EnableDnsHostnames);
    }

    [SkippableFact]
    public async Task GetDhcpOptions_SeededOptions_ParsesServersAndDomainName()
    {
        moto.SkipIfUnavailable();

        var options = await Net.GetDhcpOptionsAsync(Seed.DhcpOptionsId, CancellationToken.None);

        Assert.NotNull(options);
        Assert.Equal(Seed.DhcpOptionsId, options.DhcpOptionsId);
        Assert.Equal(Seed.DnsServers, options.DomainNameServers);
        Assert.Equal(Seed.DomainNames, options.DomainNames);
    }

    [SkippableFact]
    public async Task GetSubnets_SeededVpc_ParsesBothSubnetsWithZoneAndCidr()
    {
        moto.SkipIfUnavailable();

        var subnets = await Net.GetSubnetsAsync(Seed.VpcId, CancellationToken.None);

        Assert.Equal(
            [
                new SubnetDescription(Seed.SubnetA, Seed.VpcId, Seed.SubnetAZone, Seed.SubnetACidr, []),
                new SubnetDescription(Seed.SubnetB, Seed.VpcId, Seed.SubnetBZone, Seed.SubnetBCidr, []),
            ],
            subnets.OrderBy(s => s.CidrBlock, StringComparer.Ordinal),
            SubnetComparer.Instance);
    }

    [SkippableFact]
    public async Task GetNetworkAcls_SeededVpc_ParsesCustomEntriesAndBothAssociations()
    {
        moto.SkipIfUnavailable();

        var acls = await Net.GetNetworkAclsAsync(Seed.VpcId, CancellationToken.None);

        var custom = Assert.Single(acls, a => a.NetworkAclId == Seed.NetworkAclId);
        Assert.False(custom.IsDefault);
        Assert.Equal(Seed.VpcId, custom.VpcId);
        Assert.Equal([Seed.SubnetB], custom.SubnetIds);

        // moto lists no implicit "*" (32767) deny for custom ACLs; AWS does. Everything else must match exactly.
        var expected = Seed.NetworkAclEntries
            .Select(e => new NetworkAclEntry(e.RuleNumber, e.Protocol, e.RuleAction, e.Egress, e.CidrBlock, null, e.PortFrom, e.PortTo))
            .OrderBy(e => (e.Egress, e.RuleNumber));
        Assert.Equal(expected, custom.Entries.Where(e => e.RuleNumber != 32767).OrderBy(e => (e.Egress, e.RuleNumber)));
        Assert.All(custom.Entries.Where(e => e.RuleNumber == 32767), e => Assert.Equal("deny", e.RuleAction));

        var byDefault = Assert.Single(acls, a => a.IsDefault);
        Assert.Contains(Seed.SubnetA, byDefault.SubnetIds);
        Assert.DoesNotContain(Seed.SubnetB, byDefault.SubnetIds);
        Assert.Contains(byDefault.Entries, e => e is { RuleNumber: 100, RuleAction: "allow", Egress: false, CidrBlock: "0.0.0.0/0" });
    }

    [SkippableFact]
    public async Task GetSecurityGroups_SeededVpc_ParsesCidrGroupReferenceAndPrefixListRules()
    {
        moto.SkipIfUnavailable();

        var groups = await Net.GetSecurityGroupsAsync(Seed.VpcId, CancellationToken.None);

        Assert.All(groups, g => Assert.Equal(Seed.VpcId, g.VpcId));

        var lb = Assert.Single(groups, g => g.GroupId == Seed.LbSecurityGroupId);
        Assert.Equal("contract-lb", lb.GroupName);
        var web = Assert.Single(lb.Inbound);
        Assert.Equal(new SecurityGroupRule("tcp", 80, 80, ["0.0.0.0/0"], [], [], []), web, RuleComparer.Instance);
        var egress = Assert.Single(lb.Outbound);
        Assert.Equal(new SecurityGroupRule("-1", null, null, ["0.0.0.0/0"], [], [], []), egress with { FromPort = null, ToPort = null }, RuleComparer.Instance);

        var targets = Assert.Single(groups, g => g.GroupId == Seed.TargetSecurityGroupId);
        Assert.Equal("contract-targets", targets.GroupName);
        Assert.Equal(new SecurityGroupRule("tcp", 8080, 8080, [], [], [Seed.LbSecurityGroupId], []), Assert.Single(targets.Inbound), RuleComparer.Instance);

        var admin = Assert.Single(groups, g => g.GroupId == Seed.AdminSecurityGroupId);
        Assert.Equal(new SecurityGroupRule("tcp", 22, 22, [], [], [], [Seed.PrefixListId]), Assert.Single(admin.Inbound), RuleComparer.Instance);

        Assert.Contains(groups, g => g.GroupName == "default");
    }

    [SkippableFact]
    public async Task GetPrefixLists_SeededList_ParsesNameAndEntries()
    {
        moto.SkipIfUnavailable();

        var lists = await Net.GetPrefixListsAsync([Seed.PrefixListId], CancellationToken.None);

        var list = Assert.Single(lists);
        Assert.Equal(Seed.PrefixListId, list.PrefixListId);
        Assert.Equal(Seed.PrefixListName, list.Name);
        Assert.Equal(Seed.PrefixListCidrs, list.Cidrs.Order(StringComparer.Ordinal));
    }

    [SkippableFact]
    public async Task GetInstances_SeededInstances_ParsesSubnetPrivateIpZoneAndGroups()
    {
        moto.SkipIfUnavailable();

        var instances = await Net.GetInstancesAsync([.. Seed.Instances.Select(i => i.InstanceId)], CancellationToken.None);

        Assert.Equal(Seed.Instances.Count, instances.Count);
        foreach (var seeded in Seed.Instances)
        {
            var instance = Assert.Single(instances, i => i.InstanceId == seeded.InstanceId);
            Assert.Equal("running", instance.StateName);
            Assert.Equal(seeded.SubnetId, instance.SubnetId);
            Assert.Equal(Seed.VpcId, instance.VpcId);
            Assert.Equal(seeded.SubnetId == Seed.SubnetA ? Seed.SubnetAZone : Seed.SubnetBZone, instance.AvailabilityZone);
            Assert.Equal(seeded.PrivateIp, instance.PrivateIpAddress);
            Assert.Equal([Seed.TargetSecurityGroupId], instance.SecurityGroupIds);
        }
    }

    [SkippableFact]
    public async Task GetInstances_StoppedInstance_ParsesTheStoppedState()
    {
        moto.SkipIfUnavailable();

        var instances = await Net.GetInstancesAsync([Seed.StoppedInstanceId], CancellationToken.None);

        var stopped = Assert.Single(instances);
        Assert.Equal("stopped", stopped.StateName);
        Assert.Equal(Seed.SubnetA, stopped.SubnetId);
    }

    [SkippableFact]
    public async Task GetInstances_OneUnknownId_FallsBackToTheFilterAndReturnsTheKnownOne()
    {
        moto.SkipIfUnavailable();
        var known = Seed.Instances[0];

        var instances = await Net.GetInstancesAsync([known.InstanceId, "i-0000000000000dead"], CancellationToken.None);

        Assert.Equal([known.InstanceId], instances.Select(i => i.InstanceId));
    }

    [SkippableFact]
    public async Task GetInterfacesByDescription_SeededInterface_ParsesSubnetIpAndGroups()
    {
        moto.SkipIfUnavailable();

        var interfaces = await Net.GetInterfacesByDescriptionAsync("contract ip target", CancellationToken.None);

        var eni = Assert.Single(interfaces);
        AssertIpTargetInterface(eni);
    }

    [SkippableFact]
    public async Task GetInterfacesByDescription_LoadBalancerNodes_ParsesOneInterfacePerZone()
    {
        moto.SkipIfUnavailable();
        var description = $"ELB {Seed.LoadBalancerDimension}";

        var interfaces = await Net.GetInterfacesByDescriptionAsync(description, CancellationToken.None);

        Skip.If(
            interfaces.Count == 0,
            $"moto {moto.MotoVersion} creates no network interfaces for load balancers: DescribeNetworkInterfaces with description '{description}' answered an empty list.");
        Assert.Equal(
            new[] { Seed.SubnetA, Seed.SubnetB }.Order(StringComparer.Ordinal),
            interfaces.Select(i => i.SubnetId).Order(StringComparer.Ordinal));
        Assert.All(interfaces, i =>
        {
            Assert.Equal(description, i.Description);
            Assert.Contains(Seed.LbSecurityGroupId, i.SecurityGroupIds);
            Assert.NotNull(i.PrivateIpAddress);
        });
    }

    [SkippableFact]
    public async Task GetInterfacesByPrivateIp_IpTargetAddress_FindsTheSeededInterface()
    {
        moto.SkipIfUnavailable();

        var interfaces = await Net.GetInterfacesByPrivateIpAsync(Seed.VpcId, [Seed.IpTarget, "10.20.9.9"], CancellationToken.None);

        AssertIpTargetInterface(Assert.Single(interfaces));
    }

    private void AssertIpTargetInterface(NetworkInterfaceDescription eni)
    {
        Assert.Equal(Seed.IpTargetInterfaceId, eni.NetworkInterfaceId);
        Assert.Equal(Seed.SubnetA, eni.SubnetId);
        Assert.Equal(Seed.VpcId, eni.VpcId);
        Assert.Equal(Seed.SubnetAZone, eni.AvailabilityZone);
        Assert.Equal(Seed.IpTarget, eni.PrivateIpAddress);
        Assert.Equal([Seed.IpTarget], eni.PrivateIpAddresses);
        Assert.Equal([Seed.TargetSecurityGroupId], eni.SecurityGroupIds);
        Assert.Equal("contract ip target", eni.Description);
        Assert.Null(eni.InstanceId);
    }
}
