using System.Net;
using ChatOpsBot.Runbooks.Causes;
using ChatOpsBot.Runbooks.Findings;

namespace ChatOpsBot.Runbooks.Http503.Checks;

/// <summary>
/// dns: can the targets resolve names (the VPC's enableDnsSupport, the DHCP option set's resolvers), and does the
/// load balancer's own DNS name resolve to its nodes?
/// </summary>
internal static class DnsCheck
{
    public static void Run(Http503Session s)
    {
        var e = s.Evidence;
        var lb = e.LoadBalancer!;
        s.StepTitle = "Checked DNS: the VPC's resolver settings and the load balancer's name";
        var facts = new List<Fact>();
        var confirmed = new List<string>();
        var doubts = new List<string>();
        Fix? fix = null;
        var failingWith5xx = Http503Topology.InUseTargetGroups(e)
            .SelectMany(tg => Http503Topology.Targets(e, tg))
            .Where(t => Http503Topology.IsUnhealthy(t) && Http503Topology.FailedCodes(t).Any(c => c >= 500))
            .Select(t => t.TargetId)
            .ToArray();

        if (e.Vpc is { } vpc)
        {
            facts.Add(Fact.Of("ec2:DescribeVpcAttribute", $"{vpc.VpcId}: enableDnsSupport={Bool(vpc.EnableDnsSupport)}, enableDnsHostnames={Bool(vpc.EnableDnsHostnames)}.", vpc.VpcId));
            if (vpc.EnableDnsSupport == false)
            {
                confirmed.Add($"DNS resolution is turned off in {vpc.VpcId} (enableDnsSupport=false): instances there cannot resolve any name through the Amazon-provided resolver"
                    + (failingWith5xx.Length > 0 ? $", which explains health checks failing with 5xx on {string.Join(", ", failingWith5xx.Take(5))} (dependencies unreachable by name)" : string.Empty));
                fix = new Fix(
                    $"Turn DNS resolution back on for {vpc.VpcId}.",
                    AwsCli.Command(lb.Region, ["ec2", "modify-vpc-attribute"], ("vpc-id", vpc.VpcId), ("enable-dns-support", "{\"Value\":true}")),
                    "With enableDnsSupport off, the Route 53 Resolver at the VPC base address +2 (and 169.254.169.253) stops answering, so every lookup a target makes (database, cache, APIs) fails and the application errors out.");
            }
        }
        else if (s.GapSentence("ec2:DescribeVpcs", "ec2:DescribeVpcAttribute") is { } gap)
        {
            doubts.Add($"The VPC's DNS attributes could not be read ({gap})");
        }

        if (e.DhcpOptions is { } dhcp)
        {
            var servers = dhcp.DomainNameServers;
            facts.Add(Fact.Of("ec2:DescribeDhcpOptions", $"{dhcp.DhcpOptionsId}: domain-name-servers={(servers.Count == 0 ? "(none)" : string.Join(", ", servers))}.", dhcp.DhcpOptionsId));
            if (servers.Count == 0)
            {
                confirmed.Add($"DHCP option set {dhcp.DhcpOptionsId} gives instances no DNS server");
                fix ??= DhcpFix(s, dhcp.DhcpOptionsId);
            }
            else if (!servers.Contains("AmazonProvidedDNS", StringComparer.OrdinalIgnoreCase))
            {
                var outside = servers.Where(ip => IPAddress.TryParse(ip, out var a) && !InVpc(s, a)).ToArray();
                if (failingWith5xx.Length > 0)
                {
                    doubts.Add($"Instances resolve through custom DNS servers ({string.Join(", ", servers)}{(outside.Length > 0 ? ", outside the VPC" : string.Empty)}) and health checks fail with 5xx: check that those servers answer from the targets' subnets");
                    fix ??= DhcpFix(s, dhcp.DhcpOptionsId);
                }
                else
                {
                    facts.Add(Fact.Of("ec2:DescribeDhcpOptions", $"Custom DNS servers in use ({string.Join(", ", servers)}); no symptom points at them.", dhcp.DhcpOptionsId));
                }
            }
        }

        if (e.LoadBalancerDns is { } resolution)
        {
            if (resolution.Addresses.Count > 0)
            {
                facts.Add(Fact.Of("dns", $"{resolution.Name} resolves to {string.Join(", ", resolution.Addresses.Take(6))} (resolver {resolution.Resolver}).", lb.Arn));
                var nodeIps = (e.LoadBalancerInterfaces ?? []).Select(n => n.PrivateIpAddress).Concat(lb.Zones.SelectMany(z => z.Addresses)).OfType<string>().ToHashSet(StringComparer.Ordinal);
                if (lb.Scheme == "internal" && nodeIps.Count > 0 && !resolution.Addresses.Any(nodeIps.Contains))
                {
                    doubts.Add($"{resolution.Name} resolves to {string.Join(", ", resolution.Addresses.Take(4))}, none of which is a current node of {lb.Name} ({string.Join(", ", nodeIps.Take(4))}): a stale record or a split-horizon zone answers instead");
                }
            }
            else
            {
                // Seen only from where the bot runs: a private network without public DNS gives the same answer,
                // so this alone never confirms a DNS fault.
                doubts.Add($"{lb.Name}'s DNS name {resolution.Name} does not resolve from where the bot runs ({resolution.Error ?? "no addresses"}, resolver {resolution.Resolver}); if clients see the same, they cannot reach it by name");
                facts.Add(Fact.Of("dns", $"{resolution.Name}: {resolution.Error ?? "no addresses"} from {resolution.Resolver}.", lb.Arn));
                fix ??= new Fix(
                    "Check the record clients use (a CNAME or Route 53 alias) points at the load balancer's current DNS name, and that your resolver can reach public DNS.",
                    AwsCli.Command(lb.Region, ["elbv2", "describe-load-balancers"], ("names", lb.Name), ("query", "LoadBalancers[0].DNSName")),
                    "The load balancer's name is published by AWS while it exists; if it does not resolve from here the resolver path is broken, and if clients use an alias it must target this exact name.");
            }
        }

        if (confirmed.Count > 0)
        {
            s.Record(new CauseFinding(CauseId.Dns, CauseStatus.Confirmed, string.Join("; ", confirmed) + ".", facts, fix));
        }
        else if (doubts.Count > 0)
        {
            s.Record(new CauseFinding(CauseId.Dns, CauseStatus.Inconclusive, string.Join("; ", doubts) + ".", facts, fix));
        }
        else if (e.Vpc is null && e.LoadBalancerDns is null)
        {
            s.Record(new CauseFinding(CauseId.Dns, CauseStatus.NotChecked, "Neither the VPC's DNS settings nor the load balancer's name could be checked.", facts, null));
        }
        else
        {
            var name = e.LoadBalancerDns is null ? " (the load balancer's own name was not resolved: no resolver configured)" : " and the load balancer's name resolves";
            s.Record(new CauseFinding(CauseId.Dns, CauseStatus.RuledOut, $"The VPC resolves names (enableDnsSupport on, a resolver configured){name}.", facts, null));
        }

        s.StepDetail = s.Findings[CauseId.Dns].Summary;
    }

    private static Fix DhcpFix(Http503Session s, string dhcpOptionsId)
    {
        var region = s.Evidence.LoadBalancer!.Region;
        var vpc = s.Evidence.LoadBalancer.VpcId;
        return new Fix(
            $"Replace DHCP option set {dhcpOptionsId} on {vpc} with one whose domain-name-servers is AmazonProvidedDNS (or resolvers reachable from every subnet), then renew the targets' DHCP leases (or reboot them).",
            AwsCli.Command(region, ["ec2", "create-dhcp-options"], ("dhcp-configurations", "Key=domain-name-servers,Values=AmazonProvidedDNS"), ("query", "DhcpOptions.DhcpOptionsId"), ("output", "text"))
                + "\n" + AwsCli.Command(region, ["ec2", "associate-dhcp-options"], ("dhcp-options-id", "<new-dhcp-options-id>"), ("vpc-id", vpc)),
            "Instances learn their DNS servers from the VPC's DHCP option set; if those servers are unreachable or missing, every name lookup fails even though enableDnsSupport is on. An option set cannot be edited, so a new one is created and associated; instances pick it up when they renew their lease.");
    }

    private static bool InVpc(Http503Session s, IPAddress address) =>
        (s.Evidence.Vpc?.CidrBlocks ?? []).Any(c => IPNetwork.TryParse(c, out var n) && n.Contains(address));

    private static string Bool(bool? value) => value switch { true => "true", false => "false", null => "unknown" };
}
