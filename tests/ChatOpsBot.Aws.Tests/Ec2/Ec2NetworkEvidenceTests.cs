using ChatOpsBot.Aws.Tests.Infrastructure;
using ChatOpsBot.Runbooks.Evidence;
using ChatOpsBot.Runbooks.Evidence.Network;
using ChatOpsBot.Runbooks.Tests.Support;

namespace ChatOpsBot.Aws.Tests.Ec2;

public sealed class Ec2NetworkEvidenceTests
{
    private const string Ns = "http://ec2.amazonaws.com/doc/2016-11-15/";

    [Fact]
    public async Task GetSecurityGroups_TwoPagesAndEmptyLists_FiltersByVpcAndNormalisesNulls()
    {
        await using var server = await FakeAwsServer.StartAsync(request => CannedResponse.Xml(request.FormValue("NextToken") is null
            ? $"""
              <DescribeSecurityGroupsResponse xmlns="{Ns}"><requestId>r1</requestId>
                <securityGroupInfo><item>
                  <ownerId>123456789012</ownerId><groupId>sg-app</groupId><groupName>app</groupName><vpcId>vpc-1</vpcId>
                  <ipPermissions><item>
                    <ipProtocol>tcp</ipProtocol><fromPort>8080</fromPort><toPort>8080</toPort>
                    <groups><item><userId>123456789012</userId><groupId>sg-lb</groupId></item></groups>
                    <ipRanges><item><cidrIp>10.0.0.0/16</cidrIp></item></ipRanges>
                    <ipv6Ranges><item><cidrIpv6>2001:db8::/56</cidrIpv6></item></ipv6Ranges>
                    <prefixListIds><item><prefixListId>pl-123</prefixListId></item></prefixListIds>
                  </item></ipPermissions>
                  <ipPermissionsEgress><item><ipProtocol>-1</ipProtocol><ipRanges><item><cidrIp>0.0.0.0/0</cidrIp></item></ipRanges></item></ipPermissionsEgress>
                </item></securityGroupInfo>
                <nextToken>page-2</nextToken>
              </DescribeSecurityGroupsResponse>
              """
            : $"""
              <DescribeSecurityGroupsResponse xmlns="{Ns}"><requestId>r2</requestId>
                <securityGroupInfo><item><groupId>sg-empty</groupId><groupName>empty</groupName><vpcId>vpc-1</vpcId><ipPermissions/><ipPermissionsEgress/></item></securityGroupInfo>
              </DescribeSecurityGroupsResponse>
              """));
        using var aws = TestAws.Create(server);
        using var scope = EvidenceCallLog.Begin(out var log);

        var groups = await aws.Network.GetSecurityGroupsAsync("vpc-1", CancellationToken.None);

        Assert.Equal(["sg-app", "sg-empty"], groups.Select(g => g.GroupId));
        Assert.Equal(("tcp", 8080, 8080), (groups[0].Inbound[0].Protocol, groups[0].Inbound[0].FromPort, groups[0].Inbound[0].ToPort));
        Assert.Equal(["10.0.0.0/16"], groups[0].Inbound[0].Ipv4Cidrs);
        Assert.Equal(["2001:db8::/56"], groups[0].Inbound[0].Ipv6Cidrs);
        Assert.Equal(["sg-lb"], groups[0].Inbound[0].ReferencedGroupIds);
        Assert.Equal(["pl-123"], groups[0].Inbound[0].PrefixListIds);
        Assert.Equal("-1", groups[0].Outbound[0].Protocol);
        Assert.Null(groups[0].Outbound[0].FromPort);
        Assert.Empty(groups[0].Outbound[0].ReferencedGroupIds);
        Assert.Empty(groups[1].Inbound);
        Assert.Empty(groups[1].Outbound);

        Assert.Equal(2, server.Requests.Count);
        var first = server.Requests[0];
        Assert.Equal("DescribeSecurityGroups", first.Action);
        Assert.Equal(("vpc-id", "vpc-1"), (first.FormValue("Filter.1.Name"), first.FormValue("Filter.1.Value.1")));
        Assert.Equal("page-2", server.Requests[1].FormValue("NextToken"));
        Assert.Contains("/us-west-2/ec2/aws4_request", first.Header("Authorization"), StringComparison.Ordinal);
        Assert.Equal(2, log.Calls.Count);
        Assert.All(log.Calls, c => Assert.Equal(("ec2", "DescribeSecurityGroups", 1, "ok"), (c.Service, c.Operation, c.Attempts, c.Outcome)));
    }

    [Fact]
    public async Task GetVpc_VpcAndBothAttributes_Combined()
    {
        await using var server = await FakeAwsServer.StartAsync(request => CannedResponse.Xml(request.Action switch
        {
            "DescribeVpcs" => $"""
                <DescribeVpcsResponse xmlns="{Ns}"><requestId>r</requestId><vpcSet><item>
                  <vpcId>vpc-1</vpcId><cidrBlock>10.0.0.0/16</cidrBlock><dhcpOptionsId>dopt-1</dhcpOptionsId>
                  <cidrBlockAssociationSet>
                    <item><associationId>a1</associationId><cidrBlock>10.0.0.0/16</cidrBlock><cidrBlockState><state>associated</state></cidrBlockState></item>
                    <item><associationId>a2</associationId><cidrBlock>10.1.0.0/16</cidrBlock><cidrBlockState><state>associated</state></cidrBlockState></item>
                    <item><associationId>a3</associationId><cidrBlock>10.9.0.0/16</cidrBlock><cidrBlockState><state>disassociated</state></cidrBlockState></item>
                  </cidrBlockAssociationSet>
                </item></vpcSet></DescribeVpcsResponse>
                """,
            "DescribeVpcAttribute" when request.FormValue("Attribute") == "enableDnsSupport" =>
                $"<DescribeVpcAttributeResponse xmlns=\"{Ns}\"><requestId>r</requestId><vpcId>vpc-1</vpcId><enableDnsSupport><value>true</value></enableDnsSupport></DescribeVpcAttributeResponse>",
            _ => $"<DescribeVpcAttributeResponse xmlns=\"{Ns}\"><requestId>r</requestId><vpcId>vpc-1</vpcId><enableDnsHostnames><value>false</value></enableDnsHostnames></DescribeVpcAttributeResponse>",
        }));
        using var aws = TestAws.Create(server);

        var vpc = await aws.Network.GetVpcAsync("vpc-1", CancellationToken.None);

        Assert.Equal("vpc-1", vpc.VpcId);
        Assert.Equal(["10.0.0.0/16", "10.1.0.0/16"], vpc.CidrBlocks);
        Assert.Empty(vpc.Ipv6CidrBlocks);
        Assert.Equal("dopt-1", vpc.DhcpOptionsId);
        Assert.True(vpc.EnableDnsSupport);
        Assert.False(vpc.EnableDnsHostnames);
        Assert.Equal(3, server.Requests.Count);
    }

    [Fact]
    public async Task GetVpc_AttributeDenied_AttributeIsNull()
    {
        await using var server = await FakeAwsServer.StartAsync(request => request.Action == "DescribeVpcs"
            ? CannedResponse.Xml($"<DescribeVpcsResponse xmlns=\"{Ns}\"><vpcSet><item><vpcId>vpc-1</vpcId><cidrBlock>10.0.0.0/16</cidrBlock></item></vpcSet></DescribeVpcsResponse>")
            : Ec2Error(403, "UnauthorizedOperation"));
        using var aws = TestAws.Create(server);

        var vpc = await aws.Network.GetVpcAsync("vpc-1", CancellationToken.None);

        Assert.Equal(["10.0.0.0/16"], vpc.CidrBlocks);
        Assert.Null(vpc.EnableDnsSupport);
        Assert.Null(vpc.EnableDnsHostnames);
    }

    [Fact]
    public async Task GetNetworkAcls_EntriesAndAssociations_MappedWithProtocolAsText()
    {
        await using var server = await FakeAwsServer.StartAsync(_ => CannedResponse.Xml($"""
            <DescribeNetworkAclsResponse xmlns="{Ns}"><requestId>r</requestId><networkAclSet><item>
              <networkAclId>acl-1</networkAclId><vpcId>vpc-1</vpcId><default>false</default>
              <entrySet>
                <item><ruleNumber>100</ruleNumber><protocol>6</protocol><ruleAction>deny</ruleAction><egress>false</egress><cidrBlock>10.0.1.0/24</cidrBlock><portRange><from>8080</from><to>8081</to></portRange></item>
                <item><ruleNumber>32767</ruleNumber><protocol>-1</protocol><ruleAction>deny</ruleAction><egress>true</egress><cidrBlock>0.0.0.0/0</cidrBlock></item>
                <item><ruleNumber>200</ruleNumber><protocol>-1</protocol><ruleAction>allow</ruleAction><egress>false</egress><ipv6CidrBlock>::/0</ipv6CidrBlock></item>
              </entrySet>
              <associationSet><item><networkAclAssociationId>x</networkAclAssociationId><networkAclId>acl-1</networkAclId><subnetId>subnet-1</subnetId></item></associationSet>
            </item></networkAclSet></DescribeNetworkAclsResponse>
            """));
        using var aws = TestAws.Create(server);

        var acl = Assert.Single(await aws.Network.GetNetworkAclsAsync("vpc-1", CancellationToken.None));

        Assert.Equal(["subnet-1"], acl.SubnetIds);
        Assert.False(acl.IsDefault);
        Assert.Equal(
            [
                new NetworkAclEntry(100, "6", "deny", false, "10.0.1.0/24", null, 8080, 8081),
                new NetworkAclEntry(32767, "-1", "deny", true, "0.0.0.0/0", null, null, null),
                new NetworkAclEntry(200, "-1", "allow", false, null, "::/0", null, null),
            ],
            acl.Entries);
        Assert.Equal("vpc-id", server.Requests[0].FormValue("Filter.1.Name"));
    }

    [Fact]
    public async Task GetInstances_PrimaryInterfaceGroups_AreTheInstanceGroups()
    {
        await using var server = await FakeAwsServer.StartAsync(_ => CannedResponse.Xml($"""
            <DescribeInstancesResponse xmlns="{Ns}"><requestId>r</requestId><reservationSet><item><reservationId>r-1</reservationId><instancesSet><item>
              <instanceId>i-1</instanceId><instanceState><code>16</code><name>running</name></instanceState>
              <subnetId>subnet-1</subnetId><vpcId>vpc-1</vpcId><placement><availabilityZone>us-west-2a</availabilityZone></placement>
              <privateIpAddress>10.0.1.5</privateIpAddress>
              <groupSet><item><groupId>sg-secondary</groupId></item><item><groupId>sg-app</groupId></item></groupSet>
              <networkInterfaceSet>
                <item><networkInterfaceId>eni-2</networkInterfaceId><attachment><deviceIndex>1</deviceIndex></attachment><groupSet><item><groupId>sg-secondary</groupId></item></groupSet></item>
                <item><networkInterfaceId>eni-1</networkInterfaceId><attachment><deviceIndex>0</deviceIndex></attachment><groupSet><item><groupId>sg-app</groupId></item></groupSet></item>
              </networkInterfaceSet>
            </item></instancesSet></item></reservationSet></DescribeInstancesResponse>
            """));
        using var aws = TestAws.Create(server);

        var instance = Assert.Single(await aws.Network.GetInstancesAsync(["i-1", "i-1"], CancellationToken.None));

        Assert.Equal(new InstanceDescription("i-1", "running", "subnet-1", "vpc-1", "us-west-2a", "10.0.1.5", instance.SecurityGroupIds), instance);
        Assert.Equal(["sg-app"], instance.SecurityGroupIds);
        Assert.Equal("i-1", server.Requests[0].FormValue("InstanceId.1"));
        Assert.Null(server.Requests[0].FormValue("InstanceId.2"));
    }

    [Fact]
    public async Task GetInstances_UnknownId_FallsBackToTheInstanceIdFilter()
    {
        await using var server = await FakeAwsServer.StartAsync(request => request.FormValue("InstanceId.1") is not null
            ? Ec2Error(400, "InvalidInstanceID.NotFound")
            : CannedResponse.Xml($"<DescribeInstancesResponse xmlns=\"{Ns}\"><reservationSet><item><instancesSet><item><instanceId>i-1</instanceId><instanceState><name>stopped</name></instanceState></item></instancesSet></item></reservationSet></DescribeInstancesResponse>"));
        using var aws = TestAws.Create(server);

        var instance = Assert.Single(await aws.Network.GetInstancesAsync(["i-1", "i-gone"], CancellationToken.None));

        Assert.Equal("stopped", instance.StateName);
        Assert.Empty(instance.SecurityGroupIds);
        Assert.Equal(("instance-id", "i-1", "i-gone"), (server.Requests[1].FormValue("Filter.1.Name"), server.Requests[1].FormValue("Filter.1.Value.1"), server.Requests[1].FormValue("Filter.1.Value.2")));
    }

    [Fact]
    public async Task GetInterfacesByPrivateIp_FiltersVpcAndAddresses()
    {
        await using var server = await FakeAwsServer.StartAsync(_ => CannedResponse.Xml($"""
            <DescribeNetworkInterfacesResponse xmlns="{Ns}"><networkInterfaceSet><item>
              <networkInterfaceId>eni-1</networkInterfaceId><subnetId>subnet-1</subnetId><vpcId>vpc-1</vpcId><availabilityZone>us-west-2a</availabilityZone>
              <description>ELB app/my-alb/50dc6c495c0c9188</description><privateIpAddress>10.0.0.10</privateIpAddress>
              <groupSet><item><groupId>sg-lb</groupId></item></groupSet>
              <privateIpAddressesSet><item><privateIpAddress>10.0.0.10</privateIpAddress><primary>true</primary></item><item><privateIpAddress>10.0.0.11</privateIpAddress><primary>false</primary></item></privateIpAddressesSet>
            </item></networkInterfaceSet></DescribeNetworkInterfacesResponse>
            """));
        using var aws = TestAws.Create(server);

        var eni = Assert.Single(await aws.Network.GetInterfacesByPrivateIpAsync("vpc-1", ["10.0.0.10", "10.0.0.11"], CancellationToken.None));

        Assert.Equal(["10.0.0.10", "10.0.0.11"], eni.PrivateIpAddresses);
        Assert.Equal(["sg-lb"], eni.SecurityGroupIds);
        Assert.Null(eni.InstanceId);
        var request = Assert.Single(server.Requests);
        Assert.Equal(("vpc-id", "addresses.private-ip-address", "10.0.0.11"), (request.FormValue("Filter.1.Name"), request.FormValue("Filter.2.Name"), request.FormValue("Filter.2.Value.2")));
    }

    [Fact]
    public async Task GetPrefixLists_NamesAndEntries()
    {
        await using var server = await FakeAwsServer.StartAsync(request => CannedResponse.Xml(request.Action == "DescribeManagedPrefixLists"
            ? $"<DescribeManagedPrefixListsResponse xmlns=\"{Ns}\"><prefixListSet><item><prefixListId>pl-1</prefixListId><prefixListName>office</prefixListName></item></prefixListSet></DescribeManagedPrefixListsResponse>"
            : $"<GetManagedPrefixListEntriesResponse xmlns=\"{Ns}\"><entrySet><item><cidr>192.0.2.0/24</cidr></item><item><cidr>198.51.100.0/24</cidr></item></entrySet></GetManagedPrefixListEntriesResponse>"));
        using var aws = TestAws.Create(server);

        var list = Assert.Single(await aws.Network.GetPrefixListsAsync(["pl-1"], CancellationToken.None));

        Assert.Equal(("pl-1", "office"), (list.PrefixListId, list.Name));
        Assert.Equal(["192.0.2.0/24", "198.51.100.0/24"], list.Cidrs);
    }

    [Fact]
    public async Task GetSubnets_ServiceUnavailableOnce_SdkRetriesAndTheCallRecordCountsBothAttempts()
    {
        var calls = 0;
        await using var server = await FakeAwsServer.StartAsync(_ => Interlocked.Increment(ref calls) == 1
            ? Ec2Error(503, "Unavailable")
            : CannedResponse.Xml($"<DescribeSubnetsResponse xmlns=\"{Ns}\"><subnetSet><item><subnetId>subnet-1</subnetId><vpcId>vpc-1</vpcId><availabilityZone>us-west-2a</availabilityZone><cidrBlock>10.0.1.0/24</cidrBlock><ipv6CidrBlockAssociationSet/></item></subnetSet></DescribeSubnetsResponse>"));
        using var aws = TestAws.Create(server);
        using var scope = EvidenceCallLog.Begin(out var log);

        var subnet = Assert.Single(await aws.Network.GetSubnetsAsync("vpc-1", CancellationToken.None));

        Assert.Equal(new SubnetDescription("subnet-1", "vpc-1", "us-west-2a", "10.0.1.0/24", subnet.Ipv6CidrBlocks), subnet);
        Assert.Empty(subnet.Ipv6CidrBlocks);
        Assert.Equal(2, server.Requests.Count);
        var call = Assert.Single(log.Calls);
        Assert.Equal((2, "ok"), (call.Attempts, call.Outcome));
    }

    [Fact]
    public async Task GetSubnets_Throttled_SdkRetriesBoundedThenThrottled()
    {
        await using var server = await FakeAwsServer.StartAsync(_ => Ec2Error(503, "RequestLimitExceeded"));
        using var aws = TestAws.Create(server, maxAttempts: 2);

        var ex = await Assert.ThrowsAsync<EvidenceException>(() => aws.Network.GetSubnetsAsync("vpc-1", CancellationToken.None));

        Assert.Equal(EvidenceFailureKind.Throttled, ex.Kind);
        Assert.Equal("RequestLimitExceeded", ex.ErrorCode);
        Assert.Equal(2, server.Requests.Count);
    }

    [Fact]
    public async Task GetSubnets_ThrottledUnderTheSdk_EveryThrottledAttemptIsCountedButNotOtherErrors()
    {
        using var telemetry = new TelemetryCapture();
        var calls = 0;
        await using var server = await FakeAwsServer.StartAsync(_ => Interlocked.Increment(ref calls) switch
        {
            // A namespace-qualified body (as AWS may send) must be read as well as the bare one.
            1 => new CannedResponse(503, $"<e:Response xmlns:e=\"{Ns}\"><e:Errors><e:Error><e:Code>RequestLimitExceeded</e:Code></e:Error></e:Errors></e:Response>"),
            2 => Ec2Error(503, "RequestLimitExceeded"),
            _ => Ec2Error(503, "Unavailable"),
        });
        using var aws = TestAws.Create(server, maxAttempts: 3);
        using var step = new System.Diagnostics.Activity("step").Start();

        var ex = await Assert.ThrowsAsync<EvidenceException>(() => aws.Network.GetSubnetsAsync("vpc-1", CancellationToken.None));
        step.Stop();

        Assert.Equal(3, server.Requests.Count);
        Assert.Equal(EvidenceFailureKind.Unavailable, ex.Kind);
        Assert.Equal(2, telemetry.MeasurementsIn(step.TraceId, "chatopsbot.aws.throttles").Sum(m => m.Value));
    }

    [Fact]
    public async Task GetSubnets_AccessDenied_IsTypedWithTheIamAction()
    {
        await using var server = await FakeAwsServer.StartAsync(_ => Ec2Error(403, "UnauthorizedOperation"));
        using var aws = TestAws.Create(server);

        var ex = await Assert.ThrowsAsync<EvidenceException>(() => aws.Network.GetSubnetsAsync("vpc-1", CancellationToken.None));

        Assert.Equal(EvidenceFailureKind.AccessDenied, ex.Kind);
        Assert.Equal("ec2:DescribeSubnets", ex.IamAction);
        Assert.Single(server.Requests);
    }

    [Fact]
    public async Task GetDhcpOptions_DefaultId_AnswersNullWithoutCalling()
    {
        await using var server = await FakeAwsServer.StartAsync(_ => Ec2Error(400, "InvalidAction"));
        using var aws = TestAws.Create(server);

        Assert.Null(await aws.Network.GetDhcpOptionsAsync("default", CancellationToken.None));
        Assert.Empty(server.Requests);
    }

    [Fact]
    public async Task GetDhcpOptions_ServersAndDomain()
    {
        await using var server = await FakeAwsServer.StartAsync(_ => CannedResponse.Xml($"""
            <DescribeDhcpOptionsResponse xmlns="{Ns}"><dhcpOptionsSet><item><dhcpOptionsId>dopt-1</dhcpOptionsId><dhcpConfigurationSet>
              <item><key>domain-name</key><valueSet><item><value>ec2.internal</value></item></valueSet></item>
              <item><key>domain-name-servers</key><valueSet><item><value>10.0.0.2</value></item><item><value>AmazonProvidedDNS</value></item></valueSet></item>
            </dhcpConfigurationSet></item></dhcpOptionsSet></DescribeDhcpOptionsResponse>
            """));
        using var aws = TestAws.Create(server);

        var options = await aws.Network.GetDhcpOptionsAsync("dopt-1", CancellationToken.None);

        Assert.NotNull(options);
        Assert.Equal(["10.0.0.2", "AmazonProvidedDNS"], options.DomainNameServers);
        Assert.Equal(["ec2.internal"], options.DomainNames);
    }

    private static CannedResponse Ec2Error(int status, string code) => new(
        status, $"<Response><Errors><Error><Code>{code}</Code><Message>no</Message></Error></Errors><RequestID>r-1</RequestID></Response>");
}
