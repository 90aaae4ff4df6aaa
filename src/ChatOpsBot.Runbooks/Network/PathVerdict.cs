namespace ChatOpsBot.Runbooks.Network;

/// <summary>Whether a TCP connection from a load-balancer node to a target, and its replies, get through.</summary>
/// <param name="Allowed">True only when every check allows.</param>
/// <param name="Checks">Every check in packet order (see <see cref="PathCheckKind"/>), including skipped ones,
/// which are allowed and say why they were skipped.</param>
public sealed record PathVerdict(bool Allowed, IReadOnlyList<PathCheck> Checks)
{
    /// <summary>The checks that block the path, in packet order.</summary>
    public IReadOnlyList<PathCheck> Blocking => [.. Checks.Where(c => !c.Allowed)];

    /// <summary>True when the path is blocked only for some ephemeral source ports: some connections succeed.</summary>
    public bool IsIntermittent => !Allowed && Blocking.All(c => c.IsPartial);

    /// <summary>Things the facts could not settle or that look inconsistent (an unknown prefix list, a missing
    /// security group or network ACL, an IP outside its subnet's CIDR). Each is one sentence.</summary>
    public IReadOnlyList<string> Notes { get; init; } = [];
}
