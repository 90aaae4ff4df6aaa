using System.Net;
using ChatOpsBot.Runbooks.Evidence.Network;

namespace ChatOpsBot.Runbooks.Network;

/// <summary>Network ACLs: stateless, per direction, entries in ascending rule number, first match wins, and an
/// implicit final deny (<c>*</c>) whether or not DescribeNetworkAcls lists it (moto does not).</summary>
internal static class NetworkAclEvaluator
{
    /// <summary>User rules are numbered 1-32766; 32767 (IPv4) and 32768 (IPv6) are the listed forms of the
    /// implicit deny, which is always applied, so they are not evaluated as ordinary entries.</summary>
    private const int LastUserRuleNumber = 32766;

    /// <summary>The ACL whose association list holds the subnet, else the VPC's default ACL.</summary>
    public static NetworkAclDescription? FindAcl(NetworkFacts facts, string subnetId, ICollection<string> notes)
    {
        var associated = facts.NetworkAcls
            .Where(a => a.SubnetIds.Contains(subnetId, StringComparer.Ordinal))
            .ToList();
        if (associated.Count > 1)
        {
            notes.Add($"{subnetId} appears in the associations of {string.Join(", ", associated.Select(a => a.NetworkAclId))}; a subnet has exactly one network ACL, so {associated[0].NetworkAclId} was used");
        }

        if (associated.Count > 0)
        {
            return associated[0];
        }

        var vpcId = facts.Subnets.FirstOrDefault(s => string.Equals(s.SubnetId, subnetId, StringComparison.Ordinal))?.VpcId
            ?? facts.Vpc?.VpcId;
        return facts.NetworkAcls.FirstOrDefault(a => a.IsDefault && (vpcId is null || string.Equals(a.VpcId, vpcId, StringComparison.Ordinal)))
            ?? facts.NetworkAcls.FirstOrDefault(a => a.IsDefault);
    }

    /// <summary>Splits <paramref name="ports"/> into runs, each decided by the first entry (lowest rule number)
    /// matching tcp, the peer address and those ports; what no entry matches falls to the implicit deny.</summary>
    public static IReadOnlyList<NaclPortSegment> Decide(NetworkAclDescription acl, bool egress, IPAddress? peer, PortRange ports)
    {
        var segments = new List<NaclPortSegment>();
        var undecided = new List<PortRange> { ports };
        var entries = acl.Entries
            .Where(e => e.Egress == egress && e.RuleNumber is >= 1 and <= LastUserRuleNumber)
            .OrderBy(e => e.RuleNumber);
        foreach (var entry in entries)
        {
            if (undecided.Count == 0)
            {
                break;
            }

            if (peer is null || !MatchesTcp(entry, out var entryPorts) || !MatchesAddress(entry, peer))
            {
                continue;
            }

            var stillUndecided = new List<PortRange>();
            foreach (var range in undecided)
            {
                var from = Math.Max(range.From, entryPorts.From);
                var to = Math.Min(range.To, entryPorts.To);
                if (from > to)
                {
                    stillUndecided.Add(range);
                    continue;
                }

                segments.Add(new NaclPortSegment(new PortRange(from, to), entry));
                if (range.From < from)
                {
                    stillUndecided.Add(new PortRange(range.From, from - 1));
                }

                if (to < range.To)
                {
                    stillUndecided.Add(new PortRange(to + 1, range.To));
                }
            }

            undecided = stillUndecided;
        }

        segments.AddRange(undecided.Select(r => new NaclPortSegment(r, Entry: null)));
        return Merge(segments.OrderBy(s => s.Ports.From));
    }

    public static PathCheck Evaluate(
        NetworkFacts facts,
        PathCheckKind kind,
        string subnetId,
        bool egress,
        string peerIp,
        IPAddress? peerAddress,
        PortRange ports,
        string flow,
        ICollection<string> notes)
    {
        var direction = egress ? "egress" : "ingress";
        var toFrom = egress ? "to" : "from";
        var movement = egress ? $"leave {subnetId}" : $"enter {subnetId}";
        var crossing = egress ? $"leaving {subnetId}" : $"entering {subnetId}";
        var acl = FindAcl(facts, subnetId, notes);
        if (acl is null)
        {
            notes.Add($"no network ACL in the facts is associated with {subnetId} and no default network ACL was found, so its {direction} could not be evaluated");
            return new PathCheck(
                kind,
                subnetId,
                Allowed: false,
                $"no network ACL for {subnetId} is in the facts, so whether {flow} may {movement} could not be evaluated",
                RuleNumber: null)
            {
                DeniedPorts = [ports],
            };
        }

        var segments = Decide(acl, egress, peerAddress, ports);
        var denied = segments.Where(s => !s.Allows).ToList();
        var allowed = segments.Where(s => s.Allows).ToList();
        var id = acl.NetworkAclId;

        if (segments.Count == 1)
        {
            var entry = segments[0].Entry;
            var explanation = entry is null
                ? $"{id} has no {direction} rule matching tcp {ports} {toFrom} {peerIp}, so the implicit final deny (*) drops {flow} {crossing}"
                : $"{id} rule {entry.RuleNumber} {(segments[0].Allows ? "allows" : "denies")} {DescribeTraffic(entry)} {toFrom} {entry.CidrBlock ?? entry.Ipv6CidrBlock} ({direction}), so {flow} {(segments[0].Allows ? "may" : "cannot")} {movement}";
            return new PathCheck(kind, id, segments[0].Allows, explanation, entry?.RuleNumber)
            {
                DeniedPorts = [.. denied.Select(s => s.Ports)],
            };
        }

        if (denied.Count == 0)
        {
            return new PathCheck(
                kind,
                id,
                Allowed: true,
                $"{id} {direction} rules allow tcp {ports} {toFrom} {peerIp} ({DescribeSegments(allowed)}), so {flow} may {movement}",
                RuleNumber: null);
        }

        var deniedPorts = Merge(denied.Select(s => s.Ports));
        var deniedText = string.Join(", ", deniedPorts);
        var firstDeniedRule = denied[0].Entry?.RuleNumber;
        if (allowed.Count == 0)
        {
            return new PathCheck(
                kind,
                id,
                Allowed: false,
                $"{id} {direction} rules deny tcp {ports} {toFrom} {peerIp} ({DescribeSegments(denied)}), so {flow} cannot {movement}",
                firstDeniedRule)
            {
                DeniedPorts = deniedPorts,
            };
        }

        return new PathCheck(
            kind,
            id,
            Allowed: false,
            $"{id} {direction} rules deny tcp {DescribeSegments(denied)} but allow tcp {DescribeSegments(allowed)} {toFrom} {peerIp}, so {flow} {crossing} fail intermittently: those to load-balancer source ports {deniedText} are dropped",
            firstDeniedRule)
        {
            DeniedPorts = deniedPorts,
            IsPartial = true,
        };
    }

    /// <summary>Protocol <c>-1</c>/<c>all</c> matches every port; <c>6</c>/<c>tcp</c> matches its port range, all
    /// ports when none is given.</summary>
    private static bool MatchesTcp(NetworkAclEntry entry, out PortRange ports)
    {
        ports = new PortRange(0, 65535);
        var protocol = entry.Protocol.Trim();
        if (protocol is "-1" || string.Equals(protocol, "all", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        if (protocol is not "6" && !string.Equals(protocol, "tcp", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        if (entry.PortFrom is null && entry.PortTo is null)
        {
            return true;
        }

        var from = entry.PortFrom ?? entry.PortTo!.Value;
        var to = entry.PortTo ?? entry.PortFrom!.Value;
        ports = new PortRange(Math.Min(from, to), Math.Max(from, to));
        return true;
    }

    /// <summary>An IPv4 entry matches IPv4 addresses only, an IPv6 entry IPv6 addresses only.</summary>
    private static bool MatchesAddress(NetworkAclEntry entry, IPAddress peer) =>
        entry.CidrBlock is not null
            ? Cidr.Contains(entry.CidrBlock, peer)
            : entry.Ipv6CidrBlock is not null && Cidr.Contains(entry.Ipv6CidrBlock, peer);

    private static string DescribeTraffic(NetworkAclEntry entry)
    {
        var protocol = entry.Protocol.Trim();
        if (protocol is "-1" || string.Equals(protocol, "all", StringComparison.OrdinalIgnoreCase))
        {
            return "all traffic";
        }

        var name = protocol is "6" ? "tcp" : protocol.ToLowerInvariant();
        if (entry.PortFrom is null && entry.PortTo is null)
        {
            return $"{name} all ports";
        }

        var from = entry.PortFrom ?? entry.PortTo!.Value;
        var to = entry.PortTo ?? entry.PortFrom!.Value;
        return $"{name} {new PortRange(from, to)}";
    }

    private static string DescribeSegments(IEnumerable<NaclPortSegment> segments) =>
        string.Join(", ", segments.Select(s => s.Entry is null
            ? $"{s.Ports} by the implicit final deny (*)"
            : $"{s.Ports} by rule {s.Entry.RuleNumber}"));

    private static List<NaclPortSegment> Merge(IEnumerable<NaclPortSegment> ordered)
    {
        var merged = new List<NaclPortSegment>();
        foreach (var segment in ordered)
        {
            if (merged.Count > 0
                && Equals(merged[^1].Entry, segment.Entry)
                && merged[^1].Ports.To + 1 == segment.Ports.From)
            {
                merged[^1] = merged[^1] with { Ports = new PortRange(merged[^1].Ports.From, segment.Ports.To) };
            }
            else
            {
                merged.Add(segment);
            }
        }

        return merged;
    }

    private static List<PortRange> Merge(IEnumerable<PortRange> ordered)
    {
        var merged = new List<PortRange>();
        foreach (var range in ordered.OrderBy(r => r.From))
        {
            if (merged.Count > 0 && merged[^1].To + 1 >= range.From)
            {
                merged[^1] = new PortRange(merged[^1].From, Math.Max(merged[^1].To, range.To));
            }
            else
            {
                merged.Add(range);
            }
        }

        return merged;
    }
}
