using System.Xml.Linq;
using ChatOpsBot.Simulator.Hosting;
using ChatOpsBot.Simulator.Scenarios;
using static ChatOpsBot.Simulator.Hosting.XmlText;

namespace ChatOpsBot.Simulator.Ec2;

/// <summary>Network interfaces and instances.</summary>
internal sealed partial class Ec2Api
{
    private AwsResponse DescribeNetworkInterfaces(AwsRequest request)
    {
        var (page, next) = Select(request, index.NetworkInterfaces, "NetworkInterfaceId", n => n.NetworkInterfaceId,
            "InvalidNetworkInterfaceID.NotFound", Missing("networkInterface ID", "networkInterface IDs"),
            new Dictionary<string, Func<ScenarioNetworkInterface, IEnumerable<string?>>>
            {
                ["description"] = n => [n.Description],
                ["vpc-id"] = n => [n.VpcId],
                ["subnet-id"] = n => [n.SubnetId],
                ["availability-zone"] = n => [n.AvailabilityZone],
                ["network-interface-id"] = n => [n.NetworkInterfaceId],
                ["addresses.private-ip-address"] = n => [n.PrivateIpAddress, .. n.SecondaryPrivateIpAddresses],
                ["private-ip-address"] = n => [n.PrivateIpAddress, .. n.SecondaryPrivateIpAddresses],
                ["attachment.instance-id"] = n => [n.InstanceId],
                ["group-id"] = n => n.Groups,
                ["requester-id"] = n => [n.RequesterId],
                ["requester-managed"] = n => [Bool(n.RequesterManaged)],
                ["interface-type"] = n => [n.InterfaceType],
                ["status"] = n => [n.Status],
                ["owner-id"] = _ => [Scenario.AccountId],
            });
        return Respond(request,
            Items("networkInterfaceSet", page.Select(Interface)),
            Opt("nextToken", next));
    }

    private XElement Interface(ScenarioNetworkInterface n) => E("item",
        E("networkInterfaceId", n.NetworkInterfaceId),
        E("subnetId", n.SubnetId),
        Opt("vpcId", n.VpcId),
        Opt("availabilityZone", n.AvailabilityZone),
        E("description", n.Description),
        E("ownerId", Scenario.AccountId),
        Opt("requesterId", n.RequesterId),
        E("requesterManaged", Bool(n.RequesterManaged)),
        E("status", n.Status),
        E("macAddress", MacAddress(n.NetworkInterfaceId)),
        E("privateIpAddress", n.PrivateIpAddress),
        E("privateDnsName", PrivateDnsName(n.PrivateIpAddress)),
        E("sourceDestCheck", "true"),
        GroupSet(n.Groups),
        n.InstanceId is null ? null : E("attachment",
            E("attachmentId", DerivedIds.Resource("eni-attach", n.NetworkInterfaceId)),
            E("instanceId", n.InstanceId),
            E("instanceOwnerId", Scenario.AccountId),
            E("deviceIndex", "0"),
            E("networkCardIndex", "0"),
            E("status", "attached"),
            E("attachTime", "2024-11-02T08:15:03.000Z"),
            E("deleteOnTermination", "true")),
        n.PublicIp is null ? null : E("association",
            E("publicIp", n.PublicIp),
            E("publicDnsName", ""),
            E("ipOwnerId", "amazon")),
        Items("privateIpAddressesSet", new[] { n.PrivateIpAddress }.Concat(n.SecondaryPrivateIpAddresses).Select((ip, i) => E("item",
            E("privateIpAddress", ip),
            E("privateDnsName", PrivateDnsName(ip)),
            E("primary", Bool(i == 0)),
            i == 0 && n.PublicIp is not null ? E("association", E("publicIp", n.PublicIp), E("publicDnsName", ""), E("ipOwnerId", "amazon")) : null))),
        Items("ipv6AddressesSet", []),
        E("interfaceType", n.InterfaceType),
        Items("tagSet", []));

    private XElement GroupSet(IReadOnlyList<string> groupIds) => Items("groupSet", groupIds.Select(id => E("item",
        E("groupId", id),
        E("groupName", Scenario.SecurityGroups.FirstOrDefault(g => g.GroupId == id)?.GroupName ?? id))));

    private string PrivateDnsName(string ip) => Scenario.Region == "us-east-1"
        ? $"ip-{ip.Replace('.', '-')}.ec2.internal"
        : $"ip-{ip.Replace('.', '-')}.{Scenario.Region}.compute.internal";

    private static string MacAddress(string seed)
    {
        var hex = DerivedIds.Hex(seed, 10);
        return $"0e:{hex[..2]}:{hex[2..4]}:{hex[4..6]}:{hex[6..8]}:{hex[8..10]}";
    }

    private AwsResponse DescribeInstances(AwsRequest request)
    {
        var (page, next) = Select(request, index.Instances, "InstanceId", i => i.InstanceId, "InvalidInstanceID.NotFound",
            Missing("instance ID", "instance IDs"),
            new Dictionary<string, Func<ScenarioInstance, IEnumerable<string?>>>
            {
                ["instance-id"] = i => [i.InstanceId],
                ["vpc-id"] = i => [i.VpcId],
                ["subnet-id"] = i => [i.SubnetId],
                ["availability-zone"] = i => [i.AvailabilityZone],
                ["instance-state-name"] = i => [i.State],
                ["private-ip-address"] = i => [i.PrivateIpAddress],
                ["instance.group-id"] = i => i.SecurityGroups,
                ["network-interface.network-interface-id"] = i => [i.NetworkInterfaceId],
            },
            i => i.Tags);
        return Respond(request,
            Items("reservationSet", page.Select(i => E("item",
                E("reservationId", DerivedIds.Resource("r", i.InstanceId)),
                E("ownerId", Scenario.AccountId),
                Items("groupSet", []),
                Items("instancesSet", [Instance(i)])))),
            Opt("nextToken", next));
    }

    private XElement Instance(ScenarioInstance i)
    {
        var running = i.State is "running" or "stopping" or "shutting-down";
        var enis = index.NetworkInterfaces.Where(n => n.InstanceId == i.InstanceId).ToArray();
        return E("item",
            E("instanceId", i.InstanceId),
            E("imageId", i.ImageId),
            E("instanceState", E("code", StateCode(i.State)), E("name", i.State)),
            E("privateDnsName", PrivateDnsName(i.PrivateIpAddress)),
            E("dnsName", ""),
            E("reason", i.State == "stopped" ? "User initiated (2024-11-20 10:00:00 GMT)" : ""),
            E("amiLaunchIndex", "0"),
            Items("productCodes", []),
            E("instanceType", i.InstanceType),
            E("launchTime", Time(i.LaunchTime)),
            E("placement", Opt("availabilityZone", i.AvailabilityZone), E("groupName", ""), E("tenancy", "default")),
            E("monitoring", E("state", "disabled")),
            E("subnetId", i.SubnetId),
            Opt("vpcId", i.VpcId),
            E("privateIpAddress", i.PrivateIpAddress),
            E("sourceDestCheck", "true"),
            GroupSet(i.SecurityGroups),
            E("architecture", "x86_64"),
            E("rootDeviceType", "ebs"),
            E("rootDeviceName", "/dev/xvda"),
            Items("blockDeviceMapping", []),
            E("virtualizationType", "hvm"),
            E("hypervisor", "xen"),
            running || i.State == "stopped" ? Items("networkInterfaceSet", enis.Select((n, idx) => E("item",
                E("networkInterfaceId", n.NetworkInterfaceId),
                E("subnetId", n.SubnetId),
                Opt("vpcId", n.VpcId),
                E("description", n.Description),
                E("ownerId", Scenario.AccountId),
                E("status", "in-use"),
                E("macAddress", MacAddress(n.NetworkInterfaceId)),
                E("privateIpAddress", n.PrivateIpAddress),
                E("privateDnsName", PrivateDnsName(n.PrivateIpAddress)),
                E("sourceDestCheck", "true"),
                GroupSet(n.Groups),
                E("attachment",
                    E("attachmentId", DerivedIds.Resource("eni-attach", n.NetworkInterfaceId)),
                    E("deviceIndex", Number(idx)),
                    E("status", "attached"),
                    E("attachTime", Time(i.LaunchTime)),
                    E("deleteOnTermination", "true"),
                    E("networkCardIndex", "0")),
                Items("privateIpAddressesSet", new[] { n.PrivateIpAddress }.Concat(n.SecondaryPrivateIpAddresses).Select((ip, k) => E("item",
                    E("privateIpAddress", ip),
                    E("privateDnsName", PrivateDnsName(ip)),
                    E("primary", Bool(k == 0))))),
                Items("ipv6AddressesSet", []),
                E("interfaceType", n.InterfaceType)))) : null,
            E("ebsOptimized", "false"),
            E("enaSupport", "true"),
            i.Tags.Count == 0 ? null : Tags(i.Tags),
            E("platformDetails", "Linux/UNIX"),
            E("bootMode", "uefi-preferred"));
    }

    private static string StateCode(string state) => state switch
    {
        "pending" => "0",
        "running" => "16",
        "shutting-down" => "32",
        "terminated" => "48",
        "stopping" => "64",
        "stopped" => "80",
        _ => "0",
    };
}
