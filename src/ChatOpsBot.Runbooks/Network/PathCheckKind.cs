namespace ChatOpsBot.Runbooks.Network;

/// <summary>The six filters a TCP connection and its replies cross between a load-balancer node and a target,
/// in the order a packet meets them.</summary>
public enum PathCheckKind
{
    /// <summary>The source's security groups must allow the request out (stateful: replies need no rule).</summary>
    SourceSecurityGroupEgress,

    /// <summary>The source subnet's network ACL must let the request leave.</summary>
    SourceNaclEgress,

    /// <summary>The destination subnet's network ACL must let the request in.</summary>
    DestinationNaclIngress,

    /// <summary>The destination's security groups must allow the request in (stateful: replies need no rule).</summary>
    DestinationSecurityGroupIngress,

    /// <summary>The destination subnet's network ACL must let the reply leave, to ephemeral ports 1024-65535.</summary>
    DestinationNaclReturnEgress,

    /// <summary>The source subnet's network ACL must let the reply in, on ephemeral ports 1024-65535.</summary>
    SourceNaclReturnIngress,
}
