namespace ChatOpsBot.Runbooks.Network;

/// <summary>The outcome of one filter on the path.</summary>
/// <param name="ResourceId">The deciding security group(s) (comma-separated when several were searched), the network
/// ACL, or the subnet when no ACL applies; empty when the endpoint has no security groups.</param>
/// <param name="Explanation">One sentence with the ids, ports and addresses an on-call engineer needs.</param>
/// <param name="RuleNumber">The deciding network ACL rule; null for security groups, for the implicit final deny
/// (<c>*</c>) and when several rules share the decision.</param>
public sealed record PathCheck(
    PathCheckKind Kind,
    string ResourceId,
    bool Allowed,
    string Explanation,
    int? RuleNumber)
{
    /// <summary>The ports this check drops: the checked port, or for the return checks the part of 1024-65535 that
    /// is denied. Empty when <see cref="Allowed"/>.</summary>
    public IReadOnlyList<PortRange> DeniedPorts { get; init; } = [];

    /// <summary>True when only part of the checked ports is denied, so connections fail intermittently
    /// (depending on the source port the load-balancer node picked).</summary>
    public bool IsPartial { get; init; }
}
