using ChatOpsBot.Runbooks.Network;

namespace ChatOpsBot.Runbooks.Http503;

/// <summary>The verdict on one path from a load-balancer node to a group of targets that share subnet, security groups and ports.</summary>
/// <param name="Purpose"><c>health check</c> or <c>traffic</c>.</param>
public sealed record TargetPathResult(
    string TargetGroupArn,
    string TargetGroupName,
    IReadOnlyList<string> TargetIds,
    bool TargetsUnhealthy,
    string Purpose,
    int Port,
    NetworkEndpoint Node,
    NetworkEndpoint Target,
    PathVerdict Verdict);
