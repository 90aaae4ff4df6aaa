using System.Xml.Linq;
using ChatOpsBot.Simulator.Hosting;
using ChatOpsBot.Simulator.Scenarios;
using static ChatOpsBot.Simulator.Hosting.XmlText;

namespace ChatOpsBot.Simulator.Ec2;

/// <summary>VPCs, DHCP options, subnets and network ACLs.</summary>
internal sealed partial class Ec2Api
{
    private AwsResponse DescribeVpcs(AwsRequest request)
    {
        var (page, next) = Select(request, Scenario.Vpcs, "VpcId", v => v.VpcId, "InvalidVpcID.NotFound", Missing("vpc ID", "vpc IDs"),
            new Dictionary<string, Func<ScenarioVpc, IEnumerable<string?>>>
            {
                ["vpc-id"] = v => [v.VpcId],
                ["cidr"] = v => [v.CidrBlock],
                ["cidr-block-association.cidr-block"] = v => [v.CidrBlock, .. v.AdditionalCidrBlocks],
                ["dhcp-options-id"] = v => [v.DhcpOptionsId],
                ["is-default"] = v => [Bool(v.IsDefault)],
                ["state"] = v => [v.State],
                ["owner-id"] = _ => [Scenario.AccountId],
            },
            v => v.Tags);
        return Respond(request,
            Items("vpcSet", page.Select(v => E("item",
                E("vpcId", v.VpcId),
                E("ownerId", Scenario.AccountId),
                E("state", v.State),
                E("cidrBlock", v.CidrBlock),
                Items("cidrBlockAssociationSet", new[] { v.CidrBlock }.Concat(v.AdditionalCidrBlocks).Select(c => E("item",
                    E("associationId", DerivedIds.Resource("vpc-cidr-assoc", v.VpcId + c)),
                    E("cidrBlock", c),
                    E("cidrBlockState", E("state", "associated"))))),
                v.Ipv6CidrBlocks.Count == 0 ? null : Items("ipv6CidrBlockAssociationSet", v.Ipv6CidrBlocks.Select(c => E("item",
                    E("associationId", DerivedIds.Resource("vpc-cidr-assoc", v.VpcId + c)),
                    E("ipv6CidrBlock", c),
                    E("ipv6CidrBlockState", E("state", "associated")),
                    E("networkBorderGroup", Scenario.Region),
                    E("ipv6Pool", "Amazon")))),
                Opt("dhcpOptionsId", v.DhcpOptionsId),
                E("instanceTenancy", "default"),
                E("isDefault", Bool(v.IsDefault)),
                v.Tags.Count == 0 ? null : Tags(v.Tags)))),
            Opt("nextToken", next));
    }

    private AwsResponse DescribeVpcAttribute(AwsRequest request)
    {
        var vpcId = request.Form.Get("VpcId") ?? throw new AwsErrorException("MissingParameter", "The request must contain the parameter vpcId");
        var vpc = Scenario.Vpcs.FirstOrDefault(v => v.VpcId == vpcId)
            ?? throw new AwsErrorException("InvalidVpcID.NotFound", $"The vpc ID '{vpcId}' does not exist");
        var attribute = request.Form.Get("Attribute");
        bool value = attribute switch
        {
            "enableDnsSupport" => vpc.EnableDnsSupport,
            "enableDnsHostnames" => vpc.EnableDnsHostnames,
            "enableNetworkAddressUsageMetrics" => false,
            null => throw new AwsErrorException("MissingParameter", "The request must contain the parameter attribute"),
            _ => throw new AwsErrorException("InvalidParameterValue", $"Value ({attribute}) for parameter attribute is invalid. Unknown attribute."),
        };
        return Respond(request, E("vpcId", vpc.VpcId), E(attribute, E("value", Bool(value))));
    }

    private AwsResponse DescribeDhcpOptions(AwsRequest request)
    {
        var (page, next) = Select(request, Scenario.DhcpOptions, "DhcpOptionsId", d => d.DhcpOptionsId, "InvalidDhcpOptionID.NotFound",
            Missing("dhcp option ID", "dhcp option IDs"),
            new Dictionary<string, Func<ScenarioDhcpOptions, IEnumerable<string?>>>
            {
                ["dhcp-options-id"] = d => [d.DhcpOptionsId],
                ["key"] = d => d.Configurations.Keys,
                ["value"] = d => d.Configurations.Values.SelectMany(v => v),
                ["owner-id"] = _ => [Scenario.AccountId],
            });
        return Respond(request,
            Items("dhcpOptionsSet", page.Select(d => E("item",
                E("dhcpOptionsId", d.DhcpOptionsId),
                E("ownerId", Scenario.AccountId),
                Items("dhcpConfigurationSet", d.Configurations.Select(c => E("item",
                    E("key", c.Key),
                    Items("valueSet", c.Value.Select(v => E("item", E("value", v))))))),
                Items("tagSet", [])))),
            Opt("nextToken", next));
    }

    private AwsResponse DescribeSubnets(AwsRequest request)
    {
        var (page, next) = Select(request, Scenario.Subnets, "SubnetId", s => s.SubnetId, "InvalidSubnetID.NotFound", Missing("subnet ID", "subnet IDs"),
            new Dictionary<string, Func<ScenarioSubnet, IEnumerable<string?>>>
            {
                ["vpc-id"] = s => [s.VpcId],
                ["subnet-id"] = s => [s.SubnetId],
                ["availability-zone"] = s => [s.AvailabilityZone],
                ["availability-zone-id"] = s => [s.AvailabilityZoneId],
                ["cidr-block"] = s => [s.CidrBlock],
                ["state"] = s => [s.State],
            },
            s => s.Tags);
        return Respond(request,
            Items("subnetSet", page.Select(s => E("item",
                E("subnetId", s.SubnetId),
                E("subnetArn", $"arn:aws:ec2:{Scenario.Region}:{Scenario.AccountId}:subnet/{s.SubnetId}"),
                E("state", s.State),
                E("ownerId", Scenario.AccountId),
                E("vpcId", s.VpcId),
                E("cidrBlock", s.CidrBlock),
                Items("ipv6CidrBlockAssociationSet", s.Ipv6CidrBlocks.Select(c => E("item",
                    E("ipv6CidrBlock", c),
                    E("associationId", DerivedIds.Resource("subnet-cidr-assoc", s.SubnetId + c)),
                    E("ipv6CidrBlockState", E("state", "associated"))))),
                E("availableIpAddressCount", Number(s.AvailableIpAddressCount)),
                E("availabilityZone", s.AvailabilityZone),
                E("availabilityZoneId", s.AvailabilityZoneId ?? ZoneId(s.AvailabilityZone)),
                E("defaultForAz", "false"),
                E("mapPublicIpOnLaunch", Bool(s.MapPublicIpOnLaunch)),
                E("assignIpv6AddressOnCreation", "false"),
                s.Tags.Count == 0 ? null : Tags(s.Tags)))),
            Opt("nextToken", next));
    }

    private string ZoneId(string zone)
    {
        var parts = Scenario.Region.Split('-');
        var prefix = parts.Length == 3 ? $"{parts[0]}{parts[1][0]}{parts[2]}" : Scenario.Region;
        return zone.Length > 0 ? $"{prefix}-az{char.ToLowerInvariant(zone[^1]) - 'a' + 1}" : zone;
    }

    private AwsResponse DescribeNetworkAcls(AwsRequest request)
    {
        var (page, next) = Select(request, Scenario.NetworkAcls, "NetworkAclId", a => a.NetworkAclId, "InvalidNetworkAclID.NotFound",
            Missing("network ACL ID", "network ACL IDs"),
            new Dictionary<string, Func<ScenarioNetworkAcl, IEnumerable<string?>>>
            {
                ["vpc-id"] = a => [a.VpcId],
                ["network-acl-id"] = a => [a.NetworkAclId],
                ["default"] = a => [Bool(a.IsDefault)],
                ["association.subnet-id"] = a => a.Associations,
                ["association.network-acl-id"] = a => a.Associations.Count > 0 ? [a.NetworkAclId] : [],
                ["association.association-id"] = a => a.Associations.Select(s => AssociationId(a, s)),
                ["owner-id"] = _ => [Scenario.AccountId],
            });
        return Respond(request,
            Items("networkAclSet", page.Select(a => E("item",
                E("networkAclId", a.NetworkAclId),
                E("vpcId", a.VpcId),
                E("default", Bool(a.IsDefault)),
                Items("entrySet", EntriesWithImplicitDeny(a).Select(e => E("item",
                    E("ruleNumber", Number(e.RuleNumber)),
                    E("protocol", e.Protocol),
                    E("ruleAction", e.RuleAction),
                    E("egress", Bool(e.Egress)),
                    Opt("cidrBlock", e.CidrBlock),
                    Opt("ipv6CidrBlock", e.Ipv6CidrBlock),
                    e.PortRange is { } r ? E("portRange", E("from", Number(r.From)), E("to", Number(r.To))) : null))),
                Items("associationSet", a.Associations.Select(s => E("item",
                    E("networkAclAssociationId", AssociationId(a, s)),
                    E("networkAclId", a.NetworkAclId),
                    E("subnetId", s)))),
                Items("tagSet", []),
                E("ownerId", Scenario.AccountId)))),
            Opt("nextToken", next));
    }

    private static string AssociationId(ScenarioNetworkAcl acl, string subnetId) =>
        DerivedIds.Resource("aclassoc", acl.NetworkAclId + subnetId)[..17];

    /// <summary>The listed entries plus the <c>*</c> deny rules (32767 IPv4, 32768 IPv6) AWS always returns.</summary>
    private IEnumerable<ScenarioNetworkAclEntry> EntriesWithImplicitDeny(ScenarioNetworkAcl acl)
    {
        var ipv6 = Scenario.Vpcs.FirstOrDefault(v => v.VpcId == acl.VpcId)?.Ipv6CidrBlocks.Count > 0;
        var entries = acl.Entries.ToList();
        foreach (var egress in new[] { false, true })
        {
            if (!entries.Any(e => e.RuleNumber == 32767 && e.Egress == egress))
            {
                entries.Add(new ScenarioNetworkAclEntry { RuleNumber = 32767, Protocol = "-1", RuleAction = "deny", Egress = egress, CidrBlock = "0.0.0.0/0" });
            }

            if (ipv6 && !entries.Any(e => e.RuleNumber == 32768 && e.Egress == egress))
            {
                entries.Add(new ScenarioNetworkAclEntry { RuleNumber = 32768, Protocol = "-1", RuleAction = "deny", Egress = egress, Ipv6CidrBlock = "::/0" });
            }
        }

        return entries.OrderByDescending(e => e.Egress).ThenBy(e => e.RuleNumber);
    }
}
