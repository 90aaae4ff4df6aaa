using ChatOpsBot.Runbooks.Causes;
using ChatOpsBot.Runbooks.Evidence.LoadBalancing;
using ChatOpsBot.Runbooks.Evidence.Network;
using ChatOpsBot.Runbooks.Findings;
using ChatOpsBot.Runbooks.Network;
using static ChatOpsBot.Runbooks.Http503.Checks.Numbers;

namespace ChatOpsBot.Runbooks.Http503.Checks;

/// <summary>
/// network-blocked: evaluates security groups and network ACLs from every load-balancer node to every distinct
/// kind of target (same subnet, groups and ports) on the health-check and traffic ports, both directions.
/// </summary>
internal static class NetworkPathCheck
{
    public static void Run(Http503Session s)
    {
        var e = s.Evidence;
        var lb = e.LoadBalancer!;
        s.StepTitle = "Evaluated security groups and network ACLs between the load balancer and its targets";
        s.PathResults.Clear();
        if (e.SecurityGroups is null || e.NetworkAcls is null || e.Subnets is null)
        {
            var gap = s.GapSentence("ec2:DescribeSecurityGroups", "ec2:DescribeNetworkAcls", "ec2:DescribeSubnets") ?? "the VPC's network could not be read";
            Inconclusive(s, $"Could not evaluate the network path: {gap}.", []);
            return;
        }

        var facts = new NetworkFacts(e.SecurityGroups, e.NetworkAcls, e.Subnets, e.PrefixLists ?? [], e.Vpc);
        var nodes = Nodes(e, lb);
        if (nodes.Count == 0)
        {
            var gap = s.GapSentence("ec2:DescribeNetworkInterfaces") ?? $"no network interface described 'ELB {lb.MetricDimension}' was found";
            Inconclusive(s, $"Could not find the load balancer's nodes: {gap}.", []);
            return;
        }

        var notes = new List<Fact>();
        foreach (var tg in Http503Topology.InUseTargetGroups(e).Where(t => t.TargetType is "instance" or "ip"))
        {
            var crossZone = Http503Topology.CrossZoneEnabled(e, tg) != false;
            var preserveClientIp = lb.Type == LoadBalancerType.Network && ClientIpPreserved(e, tg);
            var groups = Http503Topology.Targets(e, tg)
                .Where(t => !Http503Topology.IsOutOfService(t))
                .Select(t => (Target: t, Endpoint: Endpoint(e, tg, t, notes)))
                .Where(x => x.Endpoint is not null)
                .GroupBy(x => (
                    x.Endpoint!.SubnetId,
                    Groups: string.Join(',', x.Endpoint.SecurityGroupIds.Order(StringComparer.Ordinal)),
                    Traffic: Http503Topology.TrafficPort(tg, x.Target) ?? 0,
                    Health: Http503Topology.HealthCheckPort(tg, x.Target) ?? 0,
                    Unhealthy: Http503Topology.IsUnhealthy(x.Target)));
            foreach (var group in groups)
            {
                var representative = group.First();
                var ids = group.Select(x => x.Target.TargetId).ToArray();
                var zone = TargetZones.Zone(e, representative.Target);
                var relevant = nodes.Where(n => crossZone || zone is null || zone == "all" || n.Zone == zone).ToArray();
                foreach (var node in relevant)
                {
                    if (group.Key.Health > 0)
                    {
                        s.PathResults.Add(new TargetPathResult(tg.Arn, tg.Name, ids, group.Key.Unhealthy, "health check", group.Key.Health, node.Endpoint, representative.Endpoint!, NetworkPathEvaluator.Evaluate(facts, node.Endpoint, representative.Endpoint!, group.Key.Health)));
                    }

                    if (group.Key.Traffic > 0 && group.Key.Traffic != group.Key.Health && !preserveClientIp)
                    {
                        s.PathResults.Add(new TargetPathResult(tg.Arn, tg.Name, ids, group.Key.Unhealthy, "traffic", group.Key.Traffic, node.Endpoint, representative.Endpoint!, NetworkPathEvaluator.Evaluate(facts, node.Endpoint, representative.Endpoint!, group.Key.Traffic)));
                    }
                }
            }

            if (preserveClientIp)
            {
                notes.Add(Fact.Of("elasticloadbalancing:DescribeTargetGroupAttributes", $"{tg.Name} preserves client IPs, so its targets' security groups must also allow the clients' addresses on the traffic port; only health checks (from the load balancer's own addresses) were evaluated.", tg.Arn));
            }
        }

        var blockedForUnhealthy = s.PathResults.Where(r => !r.Verdict.Allowed && (r.TargetsUnhealthy || r.Purpose == "traffic")).ToArray();
        var blockedButHealthy = s.PathResults.Where(r => !r.Verdict.Allowed && !r.TargetsUnhealthy && r.Purpose == "health check").ToArray();
        if (blockedForUnhealthy.Length > 0)
        {
            var evidence = Describe(blockedForUnhealthy).Concat(notes).ToList();
            var first = blockedForUnhealthy[0];
            var blocker = first.Verdict.Blocking[0];
            var summary = $"{Capital(first.Purpose)} traffic on tcp {N(first.Port)} from {lb.Name} to {first.TargetGroupName} is blocked: {blocker.Explanation}";
            if (first.Verdict.IsIntermittent)
            {
                summary += " (only part of the ephemeral range is denied, so it fails intermittently)";
            }

            s.Record(new CauseFinding(CauseId.NetworkBlocked, CauseStatus.Confirmed, summary.TrimEnd('.') + ".", evidence, FixFor(s, lb, blockedForUnhealthy)));
        }
        else if (s.PathResults.Count == 0)
        {
            s.Record(new CauseFinding(CauseId.NetworkBlocked, CauseStatus.NotChecked, "No instance or IP target to evaluate a path to.", notes, null));
        }
        else if (blockedButHealthy.Length > 0)
        {
            Inconclusive(s, $"The rules the bot can see would block health checks to {blockedButHealthy[0].TargetGroupName}, yet its targets pass them: something not visible here (an unread prefix list, a changed rule) allows the traffic.", [.. Describe(blockedButHealthy), .. notes]);
            return;
        }
        else
        {
            var checkedPaths = s.PathResults.Count;
            var ports = string.Join(", ", s.PathResults.Select(r => $"{r.Purpose} tcp {N(r.Port)}").Distinct());
            s.Record(new CauseFinding(
                CauseId.NetworkBlocked,
                CauseStatus.RuledOut,
                $"Security groups and network ACLs allow {ports} from every load-balancer node to the targets and the replies back ({N(checkedPaths)} paths evaluated).",
                [Fact.Of("ec2:DescribeSecurityGroups", $"Allowed, for example: {string.Join("; ", s.PathResults[0].Verdict.Checks.Where(c => c.Allowed).Select(c => c.Explanation).Take(2))}", s.PathResults[0].Target.SecurityGroupIds.ToArray()), .. notes],
                null));
        }

        s.StepDetail = s.Findings[CauseId.NetworkBlocked].Summary;
    }

    private static void Inconclusive(Http503Session s, string summary, IReadOnlyList<Fact> facts)
    {
        s.Record(new CauseFinding(CauseId.NetworkBlocked, CauseStatus.Inconclusive, summary, facts, null));
        s.StepDetail = summary;
    }

    private static IEnumerable<Fact> Describe(IEnumerable<TargetPathResult> results) =>
        results
            .GroupBy(r => (r.TargetGroupArn, r.Purpose, r.Port, Blocker: r.Verdict.Blocking[0].Explanation))
            .Take(6)
            .Select(g =>
            {
                var r = g.First();
                var targets = g.SelectMany(x => x.TargetIds).Distinct().ToArray();
                var nodes = string.Join(", ", g.Select(x => x.Node.IpAddress).Distinct());
                var resource = r.Verdict.Blocking[0].ResourceId;
                return new Fact(
                    $"{Capital(r.Purpose)} tcp {N(r.Port)} from node(s) {nodes} to {string.Join(", ", targets.Take(5))}{(targets.Length > 5 ? $" and {N(targets.Length - 5)} more" : string.Empty)} ({r.TargetGroupName}): {r.Verdict.Blocking[0].Explanation}",
                    [.. resource.Split(", ", StringSplitOptions.RemoveEmptyEntries), .. targets.Take(5)],
                    r.Verdict.Blocking[0].Kind is PathCheckKind.SourceSecurityGroupEgress or PathCheckKind.DestinationSecurityGroupIngress ? "ec2:DescribeSecurityGroups" : "ec2:DescribeNetworkAcls");
            });

    /// <summary>One command per distinct missing allowance over every blocked path (each node subnet, each ACL),
    /// so that running them all opens every path the evidence shows closed.</summary>
    private static Fix FixFor(Http503Session s, LoadBalancerDescription lb, IReadOnlyList<TargetPathResult> blocked)
    {
        var subnets = s.Evidence.Subnets ?? [];
        string CidrOf(string subnetId) => subnets.FirstOrDefault(x => x.SubnetId == subnetId)?.CidrBlock ?? "<subnet-cidr>";
        var commands = new List<string>();
        var summaries = new List<string>();
        var allocated = new Dictionary<(string Acl, bool Egress), HashSet<int>>();
        var aclRemedies = new HashSet<(string Acl, bool Egress, string Ports, string Peer)>();

        void Add(string summary, string command)
        {
            if (!commands.Contains(command))
            {
                commands.Add(command);
                summaries.Add(summary);
            }
        }

        foreach (var r in blocked)
        {
            var port = N(r.Port);
            foreach (var blocker in r.Verdict.Blocking)
            {
                switch (blocker.Kind)
                {
                    case PathCheckKind.DestinationSecurityGroupIngress:
                    {
                        var targetGroup = r.Target.SecurityGroupIds.FirstOrDefault() ?? "<target-sg>";
                        (string, object?) source = r.Node.SecurityGroupIds.Count > 0
                            ? ("source-group", r.Node.SecurityGroupIds[0])
                            : ("cidr", CidrOf(r.Node.SubnetId));
                        Add(
                            $"allow tcp {port} into {targetGroup} from {(r.Node.SecurityGroupIds.Count > 0 ? "the load balancer's security group " + r.Node.SecurityGroupIds[0] : "the load balancer's subnet " + CidrOf(r.Node.SubnetId))}",
                            AwsCli.Command(lb.Region, ["ec2", "authorize-security-group-ingress"], ("group-id", targetGroup), ("protocol", "tcp"), ("port", port), source));
                        break;
                    }

                    case PathCheckKind.SourceSecurityGroupEgress:
                    {
                        var lbGroup = r.Node.SecurityGroupIds.FirstOrDefault() ?? "<lb-sg>";
                        var peer = r.Target.SecurityGroupIds.Count > 0 ? $"UserIdGroupPairs=[{{GroupId={r.Target.SecurityGroupIds[0]}}}]" : $"IpRanges=[{{CidrIp={r.Target.IpAddress}/32}}]";
                        Add(
                            $"allow tcp {port} out of the load balancer's security group {lbGroup} to the targets",
                            AwsCli.Command(lb.Region, ["ec2", "authorize-security-group-egress"], ("group-id", lbGroup), ("ip-permissions", $"IpProtocol=tcp,FromPort={port},ToPort={port},{peer}")));
                        break;
                    }

                    default:
                    {
                        var acl = blocker.ResourceId;
                        var egress = blocker.Kind is PathCheckKind.SourceNaclEgress or PathCheckKind.DestinationNaclReturnEgress;
                        var returnPath = blocker.Kind is PathCheckKind.DestinationNaclReturnEgress or PathCheckKind.SourceNaclReturnIngress;
                        var peerCidr = CidrOf(blocker.Kind is PathCheckKind.SourceNaclEgress or PathCheckKind.SourceNaclReturnIngress ? r.Target.SubnetId : r.Node.SubnetId);
                        var ports = returnPath ? "From=1024,To=65535" : $"From={port},To={port}";
                        if (!aclRemedies.Add((acl, egress, ports, peerCidr)))
                        {
                            break;
                        }

                        if (!allocated.TryGetValue((acl, egress), out var taken))
                        {
                            taken = [];
                            allocated[(acl, egress)] = taken;
                        }

                        var ruleNumber = FreeRuleNumber(s.Evidence.NetworkAcls ?? [], acl, egress, blocker.RuleNumber, taken);
                        taken.Add(ruleNumber);
                        Add(
                            $"add {(egress ? "outbound" : "inbound")} rule {N(ruleNumber)} to {acl} allowing tcp {(returnPath ? "1024-65535 (return traffic)" : port)} {(egress ? "to" : "from")} {peerCidr}",
                            AwsCli.Command(lb.Region, ["ec2", "create-network-acl-entry"], ("network-acl-id", acl), (egress ? "egress" : "ingress", null), ("rule-number", N(ruleNumber)), ("protocol", "tcp"), ("port-range", ports), ("cidr-block", peerCidr), ("rule-action", "allow")));
                        break;
                    }
                }
            }

            if (lb.Type == LoadBalancerType.Network && r.Node.SecurityGroupIds.Count == 0
                && s.Evidence.TargetGroups?.FirstOrDefault(t => t.Arn == r.TargetGroupArn) is { } tg
                && ClientIpPreserved(s.Evidence, tg)
                && Http503Topology.TrafficPort(tg, null) == r.Port
                && r.Verdict.Blocking.Any(b => b.Kind == PathCheckKind.DestinationSecurityGroupIngress))
            {
                var clients = lb.Scheme == "internal" ? (s.Evidence.Vpc?.CidrBlocks.FirstOrDefault() ?? "<client-cidr>") : "0.0.0.0/0";
                Add(
                    $"allow the clients ({clients}) on tcp {N(r.Port)}: client IP preservation is on, so {tg.Name}'s targets see client addresses, not the load balancer's",
                    AwsCli.Command(lb.Region, ["ec2", "authorize-security-group-ingress"], ("group-id", r.Target.SecurityGroupIds.FirstOrDefault() ?? "<target-sg>"), ("protocol", "tcp"), ("port", N(r.Port)), ("cidr", clients)));
            }
        }

        var first = blocked[0].Verdict.Blocking[0];
        var summary = summaries.Count == 1
            ? char.ToUpperInvariant(summaries[0][0]) + summaries[0][1..] + "."
            : $"Run all {N(summaries.Count)} commands: " + string.Join("; ", summaries) + ".";
        return new Fix(
            summary,
            string.Join("\n", commands),
            $"{first.Explanation.TrimEnd('.')}. Security groups are allow-lists and network ACLs deny what no lower-numbered rule allows; each command adds exactly the missing allowance for one port and peer, on every path the evidence shows closed.");
    }

    private static int FreeRuleNumber(IReadOnlyList<NetworkAclDescription> acls, string aclId, bool egress, int? blockingRule, HashSet<int> taken)
    {
        var used = acls.FirstOrDefault(a => a.NetworkAclId == aclId)?.Entries.Where(x => x.Egress == egress).Select(x => x.RuleNumber).ToHashSet() ?? [];
        used.UnionWith(taken);
        var start = blockingRule is { } b and < 32767 ? b - 1 : 100;
        for (var n = start; n >= 1; n--)
        {
            if (!used.Contains(n))
            {
                return n;
            }
        }

        return 1;
    }

    private static bool ClientIpPreserved(Http503Evidence e, TargetGroupDescription tg)
    {
        if (e.TargetGroupAttributes.TryGetValue(tg.Arn, out var attrs) && attrs.TryGetValue("preserve_client_ip.enabled", out var v))
        {
            return v == "true";
        }

        return tg.TargetType == "instance" || tg.Protocol is "UDP" or "TCP_UDP";
    }

    private static IReadOnlyList<(NetworkEndpoint Endpoint, string? Zone)> Nodes(Http503Evidence e, LoadBalancerDescription lb)
    {
        var list = new List<(NetworkEndpoint, string?)>();
        foreach (var eni in e.LoadBalancerInterfaces ?? [])
        {
            if (eni.PrivateIpAddress is not { } ip)
            {
                continue;
            }

            var zone = eni.AvailabilityZone ?? lb.Zones.FirstOrDefault(z => z.SubnetId == eni.SubnetId)?.ZoneName;
            list.Add((new NetworkEndpoint($"{lb.Name} node {ip}", ip, eni.SubnetId, eni.SecurityGroupIds), zone));
        }

        return list;
    }

    private static NetworkEndpoint? Endpoint(Http503Evidence e, TargetGroupDescription tg, TargetHealthDescription t, List<Fact> notes)
    {
        if (tg.TargetType == "instance")
        {
            var i = e.Instances?.FirstOrDefault(x => x.InstanceId == t.TargetId);
            if (i?.PrivateIpAddress is { } ip && i.SubnetId is { } subnet)
            {
                return new NetworkEndpoint($"{i.InstanceId} ({ip})", ip, subnet, i.SecurityGroupIds);
            }

            return null;
        }

        var eni = e.TargetInterfaces?.FirstOrDefault(n => n.PrivateIpAddresses.Contains(t.TargetId) || n.PrivateIpAddress == t.TargetId);
        if (eni is null)
        {
            if (e.TargetInterfaces is not null && notes.Count < 10)
            {
                notes.Add(Fact.Of("ec2:DescribeNetworkInterfaces", $"IP target {t.TargetId} is not an interface in {e.LoadBalancer!.VpcId} (a peered VPC or on-premises address): its path was not evaluated.", t.TargetId));
            }

            return null;
        }

        return new NetworkEndpoint($"{t.TargetId} ({eni.NetworkInterfaceId})", t.TargetId, eni.SubnetId, eni.SecurityGroupIds);
    }

    private static string Capital(string text) => char.ToUpperInvariant(text[0]) + text[1..];
}
