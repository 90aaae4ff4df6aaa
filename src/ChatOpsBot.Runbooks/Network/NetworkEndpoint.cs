namespace ChatOpsBot.Runbooks.Network;

/// <summary>One end of a path: a load-balancer node or a target.</summary>
/// <param name="Label">How the endpoint is named in explanations, for example <c>demo-alb node 10.0.1.10</c> or
/// <c>i-0abc (10.0.2.15)</c>.</param>
/// <param name="IpAddress">The private IP the traffic uses.</param>
/// <param name="SubnetId">The subnet of the interface holding <paramref name="IpAddress"/>; trusted as given.</param>
/// <param name="SecurityGroupIds">The interface's security groups; empty for an NLB created without security groups,
/// in which case no security-group check applies on this side.</param>
public sealed record NetworkEndpoint(
    string Label,
    string IpAddress,
    string SubnetId,
    IReadOnlyList<string> SecurityGroupIds);
