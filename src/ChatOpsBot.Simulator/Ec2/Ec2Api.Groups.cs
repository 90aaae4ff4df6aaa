using System.Xml.Linq;
using ChatOpsBot.Simulator.Hosting;
using ChatOpsBot.Simulator.Scenarios;
using static ChatOpsBot.Simulator.Hosting.XmlText;

namespace ChatOpsBot.Simulator.Ec2;

/// <summary>Security groups and managed prefix lists.</summary>
internal sealed partial class Ec2Api
{
    private static readonly IReadOnlyList<ScenarioIpPermission> AllowAllEgress =
        [new ScenarioIpPermission { IpProtocol = "-1", IpRanges = ["0.0.0.0/0"] }];

    private AwsResponse DescribeSecurityGroups(AwsRequest request)
    {
        var (page, next) = Select(request, Scenario.SecurityGroups, "GroupId", g => g.GroupId, "InvalidGroup.NotFound",
            Missing("security group", "security groups"),
            new Dictionary<string, Func<ScenarioSecurityGroup, IEnumerable<string?>>>
            {
                ["vpc-id"] = g => [g.VpcId],
                ["group-id"] = g => [g.GroupId],
                ["group-name"] = g => [g.GroupName],
                ["description"] = g => [g.Description],
                ["owner-id"] = g => [Owner(g.OwnerId, Scenario)],
                ["ip-permission.group-id"] = g => g.IpPermissions.SelectMany(p => p.UserIdGroupPairs),
                ["ip-permission.cidr"] = g => g.IpPermissions.SelectMany(p => p.IpRanges),
                ["ip-permission.prefix-list-id"] = g => g.IpPermissions.SelectMany(p => p.PrefixListIds),
                ["egress.ip-permission.group-id"] = g => (g.IpPermissionsEgress ?? AllowAllEgress).SelectMany(p => p.UserIdGroupPairs),
            },
            g => g.Tags);
        return Respond(request,
            Items("securityGroupInfo", page.Select(g => E("item",
                E("ownerId", Owner(g.OwnerId, Scenario)),
                E("groupId", g.GroupId),
                E("groupName", g.GroupName),
                E("groupDescription", g.Description),
                E("vpcId", g.VpcId),
                E("securityGroupArn", $"arn:aws:ec2:{Scenario.Region}:{Owner(g.OwnerId, Scenario)}:security-group/{g.GroupId}"),
                Items("ipPermissions", g.IpPermissions.Select(Permission)),
                Items("ipPermissionsEgress", (g.IpPermissionsEgress ?? AllowAllEgress).Select(Permission)),
                g.Tags.Count == 0 ? null : Tags(g.Tags)))),
            Opt("nextToken", next));
    }

    private XElement Permission(ScenarioIpPermission p)
    {
        var allPorts = p.IpProtocol is "-1" or "all";
        return E("item",
            E("ipProtocol", p.IpProtocol == "all" ? "-1" : p.IpProtocol),
            allPorts ? null : Opt("fromPort", p.FromPort is { } f ? Number(f) : null),
            allPorts ? null : Opt("toPort", p.ToPort is { } t ? Number(t) : null),
            Items("groups", p.UserIdGroupPairs.Select(id => E("item",
                E("userId", Owner(Scenario.SecurityGroups.FirstOrDefault(g => g.GroupId == id)?.OwnerId, Scenario)),
                E("groupId", id),
                Opt("description", p.Description)))),
            Items("ipRanges", p.IpRanges.Select(c => E("item", E("cidrIp", c), Opt("description", p.Description)))),
            Items("ipv6Ranges", p.Ipv6Ranges.Select(c => E("item", E("cidrIpv6", c), Opt("description", p.Description)))),
            Items("prefixListIds", p.PrefixListIds.Select(id => E("item", E("prefixListId", id), Opt("description", p.Description)))));
    }

    private AwsResponse DescribeManagedPrefixLists(AwsRequest request)
    {
        var (page, next) = Select(request, Scenario.PrefixLists, "PrefixListId", l => l.PrefixListId, "InvalidPrefixListID.NotFound",
            Missing("prefix list ID", "prefix list IDs"),
            new Dictionary<string, Func<ScenarioPrefixList, IEnumerable<string?>>>
            {
                ["prefix-list-id"] = l => [l.PrefixListId],
                ["prefix-list-name"] = l => [l.PrefixListName],
                ["owner-id"] = l => [Owner(l.OwnerId, Scenario)],
            });
        return Respond(request,
            Items("prefixListSet", page.Select(l => E("item",
                E("prefixListId", l.PrefixListId),
                E("addressFamily", l.AddressFamily),
                E("state", l.State),
                E("prefixListArn", $"arn:aws:ec2:{Scenario.Region}:{(l.OwnerId == "AWS" ? "aws" : Owner(l.OwnerId, Scenario))}:prefix-list/{l.PrefixListId}"),
                E("prefixListName", l.PrefixListName),
                l.OwnerId == "AWS" ? null : E("maxEntries", Number(l.MaxEntries)),
                E("version", "1"),
                E("ownerId", Owner(l.OwnerId, Scenario)),
                Items("tagSet", [])))),
            Opt("nextToken", next));
    }

    private AwsResponse GetManagedPrefixListEntries(AwsRequest request)
    {
        var id = request.Form.Get("PrefixListId") ?? throw new AwsErrorException("MissingParameter", "The request must contain the parameter PrefixListId");
        var list = Scenario.PrefixLists.FirstOrDefault(l => l.PrefixListId == id)
            ?? throw new AwsErrorException("InvalidPrefixListID.NotFound", $"The prefix list ID '{id}' does not exist");
        var maxResults = request.Form.GetInt("MaxResults");
        if (maxResults is < 1 or > 100)
        {
            throw new AwsErrorException("InvalidParameterValue", $"Value ( {maxResults} ) for parameter maxResults is invalid. Expecting a value between 1 and 100.");
        }

        var (page, next) = Paging.Page(list.Entries, maxResults, Scenario.PageSize, request.Form.Get("NextToken"), "InvalidParameterValue");
        return Respond(request,
            Items("entrySet", page.Select(e => E("item", E("cidr", e.Cidr), Opt("description", e.Description)))),
            Opt("nextToken", next));
    }
}
