using Amazon.EC2;
using Amazon.EC2.Model;

namespace ChatOpsBot.Simulator.Tests.Ec2;

/// <summary>Every EC2 response the simulator serves, parsed by the real AmazonEC2Client.</summary>
public sealed class Ec2SdkTests
{
    private const string Vpc = "vpc-0a9f3c2e71d4b5e86";
    private const string LbSg = "sg-0e5b7c1a9d3f42b68";
    private const string WebSg = "sg-07a4c9e2b1d3f5a80";

    private static Filter F(string name, params string[] values) => new(name, [.. values]);

    [Fact]
    public async Task DescribeVpcsAndAttributes_ParseWithTheSdk()
    {
        await using var sim = await SimulatorHarness.StartAsync("healthy-baseline");
        var ec2 = sim.Ec2Client();

        var vpcs = await ec2.DescribeVpcsAsync(new DescribeVpcsRequest { VpcIds = [Vpc] });
        var dnsSupport = await ec2.DescribeVpcAttributeAsync(new DescribeVpcAttributeRequest { VpcId = Vpc, Attribute = VpcAttributeName.EnableDnsSupport });
        var dnsHostnames = await ec2.DescribeVpcAttributeAsync(new DescribeVpcAttributeRequest { VpcId = Vpc, Attribute = VpcAttributeName.EnableDnsHostnames });
        var dhcp = await ec2.DescribeDhcpOptionsAsync(new DescribeDhcpOptionsRequest { DhcpOptionsIds = [vpcs.Vpcs[0].DhcpOptionsId] });

        var vpc = Assert.Single(vpcs.Vpcs);
        Assert.Equal("10.20.0.0/16", vpc.CidrBlock);
        Assert.Equal("10.20.0.0/16", Assert.Single(vpc.CidrBlockAssociationSet).CidrBlock);
        Assert.True(dnsSupport.EnableDnsSupport);
        Assert.True(dnsHostnames.EnableDnsHostnames);
        var servers = dhcp.DhcpOptions.Single().DhcpConfigurations.Single(c => c.Key == "domain-name-servers");
        Assert.Equal("AmazonProvidedDNS", Assert.Single(servers.Values));
    }

    [Fact]
    public async Task DescribeVpcs_UnknownId_ThrowsInvalidVpcIdNotFound()
    {
        await using var sim = await SimulatorHarness.StartAsync("healthy-baseline");

        var ex = await Assert.ThrowsAsync<AmazonEC2Exception>(() => sim.Ec2Client().DescribeVpcsAsync(new DescribeVpcsRequest { VpcIds = ["vpc-00000000000000000"] }));

        Assert.Equal("InvalidVpcID.NotFound", ex.ErrorCode);
        Assert.Equal(System.Net.HttpStatusCode.BadRequest, ex.StatusCode);
    }

    [Fact]
    public async Task DescribeSubnetsAndNetworkAcls_FilterByVpcAndSubnet_IncludeImplicitDeny()
    {
        await using var sim = await SimulatorHarness.StartAsync("healthy-baseline");
        var ec2 = sim.Ec2Client();

        var subnets = await ec2.DescribeSubnetsAsync(new DescribeSubnetsRequest { Filters = [F("vpc-id", Vpc)] });
        var acls = await ec2.DescribeNetworkAclsAsync(new DescribeNetworkAclsRequest { Filters = [F("association.subnet-id", subnets.Subnets[0].SubnetId)] });

        Assert.Equal(4, subnets.Subnets.Count);
        Assert.All(subnets.Subnets, s => Assert.Equal(Vpc, s.VpcId));
        var acl = Assert.Single(acls.NetworkAcls);
        Assert.True(acl.IsDefault);
        Assert.Equal(4, acl.Associations.Count);
        var denies = acl.Entries.Where(e => e.RuleNumber == 32767).ToArray();
        Assert.Equal(2, denies.Length);
        Assert.All(denies, e =>
        {
            Assert.Equal("-1", e.Protocol);
            Assert.Equal(RuleAction.Deny, e.RuleAction);
            Assert.Equal("0.0.0.0/0", e.CidrBlock);
        });
        Assert.Contains(acl.Entries, e => e.RuleNumber == 100 && e.Egress == true && e.RuleAction == RuleAction.Allow);
    }

    [Fact]
    public async Task DescribeSecurityGroups_ReferencesAndDefaultEgress()
    {
        await using var sim = await SimulatorHarness.StartAsync("sg-blocks-health-check");

        var groups = await sim.Ec2Client().DescribeSecurityGroupsAsync(new DescribeSecurityGroupsRequest { Filters = [F("vpc-id", Vpc)] });

        Assert.Equal(2, groups.SecurityGroups.Count);
        var web = groups.SecurityGroups.Single(g => g.GroupId == WebSg);
        var rule = Assert.Single(web.IpPermissions);
        Assert.Equal("tcp", rule.IpProtocol);
        Assert.Equal(80, rule.FromPort);
        Assert.Equal(80, rule.ToPort);
        Assert.Equal(LbSg, Assert.Single(rule.UserIdGroupPairs).GroupId);
        var egress = Assert.Single(web.IpPermissionsEgress);
        Assert.Equal("-1", egress.IpProtocol);
        Assert.Equal("0.0.0.0/0", Assert.Single(egress.Ipv4Ranges).CidrIp);
        var lb = groups.SecurityGroups.Single(g => g.GroupId == LbSg);
        Assert.Equal("::/0", Assert.Single(Assert.Single(lb.IpPermissions).Ipv6Ranges).CidrIpv6);
    }

    [Fact]
    public async Task DescribeNetworkInterfaces_LbNodeEnisByDescription_AndTargetByPrivateIp()
    {
        await using var sim = await SimulatorHarness.StartAsync("healthy-baseline");
        var ec2 = sim.Ec2Client();

        var nodes = await ec2.DescribeNetworkInterfacesAsync(new DescribeNetworkInterfacesRequest { Filters = [F("description", "ELB app/demo-alb/50dc6c495c0c9188")] });
        var targets = await ec2.DescribeNetworkInterfacesAsync(new DescribeNetworkInterfacesRequest
        {
            Filters = [F("vpc-id", Vpc), F("addresses.private-ip-address", "10.20.10.21", "10.20.11.34")],
        });

        Assert.Equal(["10.20.0.57", "10.20.1.203"], nodes.NetworkInterfaces.Select(n => n.PrivateIpAddress).Order(StringComparer.Ordinal));
        Assert.All(nodes.NetworkInterfaces, n => Assert.Equal(LbSg, Assert.Single(n.Groups).GroupId));
        Assert.Equal(2, targets.NetworkInterfaces.Count);
        Assert.All(targets.NetworkInterfaces, n => Assert.StartsWith("i-", n.Attachment.InstanceId, StringComparison.Ordinal));
    }

    [Fact]
    public async Task DescribeInstances_ReturnsPlacementStateAndGroups()
    {
        await using var sim = await SimulatorHarness.StartAsync("healthy-baseline");

        var response = await sim.Ec2Client().DescribeInstancesAsync(new DescribeInstancesRequest { InstanceIds = ["i-0f4e8c1d2b3a59671", "i-07d9b2e6a1c3f4852"] });

        var instances = response.Reservations.SelectMany(r => r.Instances).ToArray();
        Assert.Equal(2, instances.Length);
        var first = instances.Single(i => i.InstanceId == "i-0f4e8c1d2b3a59671");
        Assert.Equal(InstanceStateName.Running, first.State.Name);
        Assert.Equal(16, first.State.Code);
        Assert.Equal("us-east-1a", first.Placement.AvailabilityZone);
        Assert.Equal("10.20.10.21", first.PrivateIpAddress);
        Assert.Equal(WebSg, Assert.Single(first.SecurityGroups).GroupId);
        Assert.Equal("eni-03e9b1d7f5a2c4068", Assert.Single(first.NetworkInterfaces).NetworkInterfaceId);
    }

    [Fact]
    public async Task ManagedPrefixLists_ParseWithTheSdk()
    {
        await using var sim = await SimulatorHarness.StartAsync("healthy-baseline");
        var ec2 = sim.Ec2Client();

        var lists = await ec2.DescribeManagedPrefixListsAsync(new DescribeManagedPrefixListsRequest { PrefixListIds = ["pl-63a5400a"] });
        var entries = await ec2.GetManagedPrefixListEntriesAsync(new GetManagedPrefixListEntriesRequest { PrefixListId = "pl-63a5400a" });

        Assert.Equal("com.amazonaws.us-east-1.s3", Assert.Single(lists.PrefixLists).PrefixListName);
        Assert.Equal(["3.5.0.0/19", "52.216.0.0/15"], entries.Entries.Select(e => e.Cidr));
    }

    [Fact]
    public async Task ScenarioPageSize_SdkFollowsNextToken()
    {
        var scenario = ChatOpsBot.Simulator.Scenarios.ScenarioCatalog.Load("healthy-baseline") with { PageSize = 1 };
        await using var sim = await SimulatorHarness.StartAsync(scenario);
        var ec2 = sim.Ec2Client();

        var subnets = new List<string>();
        string? token = null;
        var calls = 0;
        do
        {
            var page = await ec2.DescribeSubnetsAsync(new DescribeSubnetsRequest { Filters = [F("vpc-id", Vpc)], NextToken = token });
            subnets.AddRange(page.Subnets.Select(s => s.SubnetId));
            token = page.NextToken;
            calls++;
        }
        while (token is not null);

        Assert.Equal(4, subnets.Distinct().Count());
        Assert.Equal(4, calls);
    }

    [Fact]
    public async Task UnknownFilter_AnswersInvalidParameterValue()
    {
        await using var sim = await SimulatorHarness.StartAsync("healthy-baseline");

        var ex = await Assert.ThrowsAsync<AmazonEC2Exception>(() => sim.Ec2Client().DescribeSubnetsAsync(new DescribeSubnetsRequest { Filters = [F("colour", "blue")] }));

        Assert.Equal("InvalidParameterValue", ex.ErrorCode);
    }
}
