using System.Net;
using ChatOpsBot.Runbooks.Evidence.Network;

namespace ChatOpsBot.Runbooks.Network;

/// <summary>Security groups: stateful and allow-only. A request passes one side when ANY of that side's groups has
/// a rule covering tcp and the port whose source (inbound) or destination (outbound) matches the peer: a CIDR holding
/// the peer's IP, a group the peer is a member of (membership only, the referenced group's rules play no part), or a
/// prefix list whose CIDRs hold the peer's IP. Replies need no rule.</summary>
internal static class SecurityGroupEvaluator
{
    public static PathCheck Evaluate(
        NetworkFacts facts,
        NetworkEndpoint owner,
        NetworkEndpoint peer,
        IPAddress? peerAddress,
        int port,
        bool outbound,
        ICollection<string> notes)
    {
        var kind = outbound ? PathCheckKind.SourceSecurityGroupEgress : PathCheckKind.DestinationSecurityGroupIngress;
        var direction = outbound ? "outbound" : "inbound";
        var groupIds = owner.SecurityGroupIds.Distinct(StringComparer.Ordinal).ToList();
        if (groupIds.Count == 0)
        {
            return new PathCheck(
                kind,
                string.Empty,
                Allowed: true,
                $"{owner.Label} has no security groups, so no {direction} security-group rule applies",
                RuleNumber: null);
        }

        var missingGroups = new List<string>();
        var unknownPrefixLists = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var groupId in groupIds)
        {
            var group = facts.SecurityGroups.FirstOrDefault(g => string.Equals(g.GroupId, groupId, StringComparison.Ordinal));
            if (group is null)
            {
                missingGroups.Add(groupId);
                continue;
            }

            foreach (var rule in outbound ? group.Outbound : group.Inbound)
            {
                if (!CoversTcpPort(rule, port))
                {
                    continue;
                }

                var match = MatchPeer(facts, rule, peer, peerAddress, unknownPrefixLists);
                if (match is not null)
                {
                    AddNotes(notes, owner, missingGroups: [], unknownPrefixLists);
                    var preposition = outbound ? "to" : "from";
                    return new PathCheck(
                        kind,
                        group.GroupId,
                        Allowed: true,
                        $"allowed by {Describe(group)} {direction} {DescribeTraffic(rule)} {preposition} {match}",
                        RuleNumber: null);
                }
            }
        }

        AddNotes(notes, owner, missingGroups, unknownPrefixLists);
        return new PathCheck(
            kind,
            string.Join(", ", groupIds),
            Allowed: false,
            BlockedExplanation(facts, groupIds, peer, port, outbound, missingGroups, unknownPrefixLists),
            RuleNumber: null)
        {
            DeniedPorts = [PortRange.Single(port)],
        };
    }

    /// <summary>Protocol <c>-1</c> covers every port; <c>tcp</c>/<c>6</c> covers its range, where a missing or -1
    /// bound means all ports.</summary>
    private static bool CoversTcpPort(SecurityGroupRule rule, int port)
    {
        if (IsAllProtocols(rule.Protocol))
        {
            return true;
        }

        if (!IsTcp(rule.Protocol))
        {
            return false;
        }

        if (IsAllPorts(rule))
        {
            return true;
        }

        var from = rule.FromPort!.Value;
        var to = rule.ToPort!.Value;
        return from <= port && port <= to;
    }

    private static bool IsAllPorts(SecurityGroupRule rule) =>
        rule.FromPort is null or -1 || rule.ToPort is null or -1;

    private static bool IsAllProtocols(string protocol) =>
        protocol.Trim() is "-1" || string.Equals(protocol.Trim(), "all", StringComparison.OrdinalIgnoreCase);

    private static bool IsTcp(string protocol) =>
        protocol.Trim() is "6" || string.Equals(protocol.Trim(), "tcp", StringComparison.OrdinalIgnoreCase);

    /// <summary>Describes the first source/destination of the rule that matches the peer, or null.</summary>
    private static string? MatchPeer(
        NetworkFacts facts,
        SecurityGroupRule rule,
        NetworkEndpoint peer,
        IPAddress? peerAddress,
        ISet<string> unknownPrefixLists)
    {
        foreach (var referenced in rule.ReferencedGroupIds)
        {
            if (peer.SecurityGroupIds.Contains(referenced, StringComparer.Ordinal))
            {
                return DescribeGroupId(facts, referenced);
            }
        }

        if (peerAddress is not null)
        {
            foreach (var cidr in rule.Ipv4Cidrs.Concat(rule.Ipv6Cidrs))
            {
                if (Cidr.Contains(cidr, peerAddress))
                {
                    return cidr;
                }
            }
        }

        foreach (var prefixListId in rule.PrefixListIds)
        {
            var prefixList = facts.PrefixLists.FirstOrDefault(p => string.Equals(p.PrefixListId, prefixListId, StringComparison.Ordinal));
            if (prefixList is null)
            {
                unknownPrefixLists.Add(prefixListId);
                continue;
            }

            var cidr = peerAddress is null ? null : prefixList.Cidrs.FirstOrDefault(c => Cidr.Contains(c, peerAddress));
            if (cidr is not null)
            {
                var name = string.IsNullOrEmpty(prefixList.Name) ? prefixList.PrefixListId : $"{prefixList.PrefixListId} ({prefixList.Name})";
                return $"{name} entry {cidr}";
            }
        }

        return null;
    }

    private static string BlockedExplanation(
        NetworkFacts facts,
        IReadOnlyList<string> groupIds,
        NetworkEndpoint peer,
        int port,
        bool outbound,
        IReadOnlyCollection<string> missingGroups,
        IReadOnlyCollection<string> unknownPrefixLists)
    {
        var groups = groupIds.Select(id => DescribeGroupId(facts, id)).ToList();
        var subject = groups.Count == 1
            ? $"{groups[0]} has no"
            : $"none of {string.Join(", ", groups)} has an";
        var peerGroups = peer.SecurityGroupIds.Distinct(StringComparer.Ordinal).Select(id => DescribeGroupId(facts, id)).ToList();
        var peerText = peerGroups.Count == 0 ? peer.IpAddress : $"{string.Join(", ", peerGroups)} or {peer.IpAddress}";

        var text = outbound
            ? $"{subject} outbound rule allowing tcp {port} to {peerText}"
            : $"{subject} inbound rule allowing tcp {port} from {peerText}";
        if (missingGroups.Count > 0)
        {
            text += $"; {string.Join(", ", missingGroups)} {(missingGroups.Count == 1 ? "is" : "are")} not in the facts and could not be evaluated";
        }

        if (unknownPrefixLists.Count > 0)
        {
            text += $"; prefix list {string.Join(", ", unknownPrefixLists)} could not be evaluated (not in the facts)";
        }

        return text;
    }

    private static void AddNotes(
        ICollection<string> notes,
        NetworkEndpoint owner,
        IReadOnlyCollection<string> missingGroups,
        IReadOnlyCollection<string> unknownPrefixLists)
    {
        foreach (var groupId in missingGroups)
        {
            notes.Add($"security group {groupId} of {owner.Label} is not in the facts, so its rules could not be evaluated");
        }

        foreach (var prefixListId in unknownPrefixLists)
        {
            notes.Add($"prefix list {prefixListId} referenced by a security group of {owner.Label} is not in the facts, so it could not be evaluated and was treated as not matching");
        }
    }

    private static string DescribeTraffic(SecurityGroupRule rule)
    {
        if (IsAllProtocols(rule.Protocol))
        {
            return "all traffic";
        }

        var protocol = IsTcp(rule.Protocol) ? "tcp" : rule.Protocol;
        if (IsAllPorts(rule))
        {
            return $"{protocol} all ports";
        }

        return $"{protocol} {new PortRange(rule.FromPort!.Value, rule.ToPort!.Value)}";
    }

    private static string Describe(SecurityGroupDescription group) =>
        string.IsNullOrEmpty(group.GroupName) ? group.GroupId : $"{group.GroupId} ({group.GroupName})";

    private static string DescribeGroupId(NetworkFacts facts, string groupId)
    {
        var group = facts.SecurityGroups.FirstOrDefault(g => string.Equals(g.GroupId, groupId, StringComparison.Ordinal));
        return group is null ? groupId : Describe(group);
    }
}
