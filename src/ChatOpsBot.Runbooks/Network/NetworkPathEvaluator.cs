using System.Net;

namespace ChatOpsBot.Runbooks.Network;

/// <summary>Answers, from EC2 facts only, whether a load-balancer node can open a TCP connection to a target on a
/// port and get the replies back: the question behind <c>network-blocked</c>. Pure: no AWS calls, no I/O.</summary>
/// <remarks>
/// Request: source security groups (egress), source subnet ACL (egress), destination subnet ACL (ingress),
/// destination security groups (ingress). Replies: security groups are stateful and need no rule; the ACLs are
/// stateless, so the destination subnet ACL (egress) and the source subnet ACL (ingress) must pass the whole
/// ephemeral range 1024-65535, because the node's source port is unknown. Traffic between two addresses of the
/// same subnet is not filtered by network ACLs, so those four checks are skipped then.
/// </remarks>
public static class NetworkPathEvaluator
{
    public static PathVerdict Evaluate(NetworkFacts facts, NetworkEndpoint source, NetworkEndpoint destination, int port)
    {
        ArgumentNullException.ThrowIfNull(facts);
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(destination);
        ArgumentOutOfRangeException.ThrowIfLessThan(port, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(port, 65535);

        var notes = new List<string>();
        var sourceAddress = ParseEndpointAddress(source, notes);
        var destinationAddress = ParseEndpointAddress(destination, notes);
        CheckSubnetContainsAddress(facts, source, sourceAddress, notes);
        CheckSubnetContainsAddress(facts, destination, destinationAddress, notes);

        var request = $"requests from {source.IpAddress} to {destination.IpAddress} on tcp {port}";
        var replies = $"replies from {destination.IpAddress} to {source.IpAddress} on tcp {PortRange.Ephemeral}";
        var sameSubnet = string.Equals(source.SubnetId, destination.SubnetId, StringComparison.Ordinal);

        var checks = new List<PathCheck>
        {
            SecurityGroupEvaluator.Evaluate(facts, source, destination, destinationAddress, port, outbound: true, notes),
            sameSubnet
                ? SameSubnet(PathCheckKind.SourceNaclEgress, source, destination)
                : NetworkAclEvaluator.Evaluate(facts, PathCheckKind.SourceNaclEgress, source.SubnetId, egress: true, destination.IpAddress, destinationAddress, PortRange.Single(port), request, notes),
            sameSubnet
                ? SameSubnet(PathCheckKind.DestinationNaclIngress, source, destination)
                : NetworkAclEvaluator.Evaluate(facts, PathCheckKind.DestinationNaclIngress, destination.SubnetId, egress: false, source.IpAddress, sourceAddress, PortRange.Single(port), request, notes),
            SecurityGroupEvaluator.Evaluate(facts, destination, source, sourceAddress, port, outbound: false, notes),
            sameSubnet
                ? SameSubnet(PathCheckKind.DestinationNaclReturnEgress, source, destination)
                : NetworkAclEvaluator.Evaluate(facts, PathCheckKind.DestinationNaclReturnEgress, destination.SubnetId, egress: true, source.IpAddress, sourceAddress, PortRange.Ephemeral, replies, notes),
            sameSubnet
                ? SameSubnet(PathCheckKind.SourceNaclReturnIngress, source, destination)
                : NetworkAclEvaluator.Evaluate(facts, PathCheckKind.SourceNaclReturnIngress, source.SubnetId, egress: false, destination.IpAddress, destinationAddress, PortRange.Ephemeral, replies, notes),
        };

        return new PathVerdict(checks.TrueForAll(c => c.Allowed), checks)
        {
            Notes = [.. notes.Distinct(StringComparer.Ordinal)],
        };
    }

    private static PathCheck SameSubnet(PathCheckKind kind, NetworkEndpoint source, NetworkEndpoint destination) =>
        new(
            kind,
            source.SubnetId,
            Allowed: true,
            $"{source.IpAddress} and {destination.IpAddress} are both in {source.SubnetId}, and network ACLs do not filter traffic within a subnet",
            RuleNumber: null);

    private static IPAddress? ParseEndpointAddress(NetworkEndpoint endpoint, List<string> notes)
    {
        if (Cidr.TryParseAddress(endpoint.IpAddress, out var address))
        {
            return address;
        }

        notes.Add($"'{endpoint.IpAddress}' of {endpoint.Label} is not an IP address, so no CIDR, prefix list or network ACL entry can match it");
        return null;
    }

    /// <summary>Sanity check only: the given subnet id is trusted even when the address lies outside its CIDRs.</summary>
    private static void CheckSubnetContainsAddress(NetworkFacts facts, NetworkEndpoint endpoint, IPAddress? address, List<string> notes)
    {
        var subnet = facts.Subnets.FirstOrDefault(s => string.Equals(s.SubnetId, endpoint.SubnetId, StringComparison.Ordinal));
        if (subnet is null)
        {
            notes.Add($"{endpoint.SubnetId} of {endpoint.Label} is not among the described subnets");
            return;
        }

        if (address is null)
        {
            return;
        }

        var blocks = subnet.Ipv6CidrBlocks.Prepend(subnet.CidrBlock).ToList();
        if (!blocks.Exists(b => Cidr.Contains(b, address)))
        {
            notes.Add($"{endpoint.IpAddress} of {endpoint.Label} is outside {subnet.SubnetId} ({string.Join(", ", blocks)}); the path was evaluated with {subnet.SubnetId} as given");
        }
    }
}
