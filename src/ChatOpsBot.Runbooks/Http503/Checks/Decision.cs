using ChatOpsBot.Runbooks.Causes;
using ChatOpsBot.Runbooks.Findings;
using static ChatOpsBot.Runbooks.Http503.Checks.Numbers;

namespace ChatOpsBot.Runbooks.Http503.Checks;

/// <summary>
/// Picks one root cause among the confirmed ones. When the load balancer itself produced the errors, the causes
/// that make an ALB answer 503 come first (fixed response, nothing in service, capacity); otherwise the deeper
/// reasons targets fail (network, DNS, settings, timeouts) come before the symptom (unhealthy targets, target 5xx).
/// </summary>
internal static class Decision
{
    private static readonly CauseId[] LoadBalancerFirst =
    [
        CauseId.FixedResponse, CauseId.NoRegisteredTargets, CauseId.LbCapacity, CauseId.NetworkBlocked, CauseId.Dns,
        CauseId.HealthCheckMisconfigured, CauseId.HealthCheckTimeout, CauseId.UnhealthyTargets, CauseId.TargetErrors,
    ];

    private static readonly CauseId[] TargetsFirst =
    [
        CauseId.NetworkBlocked, CauseId.Dns, CauseId.HealthCheckMisconfigured, CauseId.HealthCheckTimeout,
        CauseId.UnhealthyTargets, CauseId.NoRegisteredTargets, CauseId.FixedResponse, CauseId.LbCapacity, CauseId.TargetErrors,
    ];

    public static void Run(Http503Session s)
    {
        s.StepTitle = "Decided the root cause";
        var order = (s.LoadBalancerProduces503 == false ? TargetsFirst : LoadBalancerFirst).ToList();
        if (IsConfirmed(s, CauseId.FixedResponse) && IsConfirmed(s, CauseId.NoRegisteredTargets) && s.Evidence.Metrics is { } m
            && m.Sum(Http503Metrics.FixedResponses) < 0.5 * m.Sum(Http503Metrics.Elb503))
        {
            // Most 503s are not the fixed responses: the empty group explains more of them.
            order.Remove(CauseId.FixedResponse);
            order.Insert(order.IndexOf(CauseId.NoRegisteredTargets) + 1, CauseId.FixedResponse);
        }

        var confirmed = order.Where(c => IsConfirmed(s, c)).ToArray();
        s.RootCause = confirmed.Length > 0 ? confirmed[0] : CauseId.None;
        s.Contributing.Clear();
        s.Contributing.AddRange(confirmed.Skip(1));
        var lb = s.Evidence.LoadBalancer!;
        if (s.RootCause is not CauseId.UnhealthyTargets and not CauseId.None
            && s.Findings.TryGetValue(CauseId.UnhealthyTargets, out var unhealthy) && unhealthy.Status == CauseStatus.Confirmed)
        {
            // The targets are unhealthy because of the root cause: repairing the application would be the wrong advice.
            s.Record(unhealthy with { Fix = RecoveryFix(s, lb) });
        }

        if (s.RootCause != CauseId.None)
        {
            s.Headline = $"{s.RootCause.ToWire()}: {s.Findings[s.RootCause].Summary}";
        }
        else
        {
            var inconclusive = s.Findings.Values.Where(f => f.Status == CauseStatus.Inconclusive).Select(f => f.Cause.ToWire()).ToArray();
            s.Headline = inconclusive.Length > 0
                ? $"No cause confirmed for {lb.Name}; {N(inconclusive.Length)} check(s) inconclusive: {string.Join(", ", inconclusive)}."
                : $"No fault found on {lb.Name}: routing, targets, health checks, network, DNS and capacity all look right.";
        }

        foreach (var gap in s.Gaps.Where(g => g.Kind == Evidence.EvidenceFailureKind.AccessDenied))
        {
            s.Suggestions.Add($"Grant {gap.IamAction} to the bot's role to check {gap.Step} (it is in {IamPolicyFiles.PathFor(gap.IamAction)}).");
        }

        s.StepDetail = s.RootCause == CauseId.None
            ? "no cause confirmed"
            : $"root cause {s.RootCause.ToWire()}" + (s.Contributing.Count > 0 ? $", contributing {string.Join(", ", s.Contributing.Select(c => c.ToWire()))}" : string.Empty);
    }

    private static Findings.Fix? RecoveryFix(Http503Session s, Evidence.LoadBalancing.LoadBalancerDescription lb)
    {
        var tg = Http503Topology.InUseTargetGroups(s.Evidence)
            .FirstOrDefault(g => Http503Topology.Targets(s.Evidence, g).Any(Http503Topology.IsUnhealthy));
        return tg is null
            ? null
            : new Findings.Fix(
                $"Fix {s.RootCause.ToWire()} first; the targets of {tg.Name} then pass their checks on their own. Watch them recover:",
                Findings.AwsCli.Command(lb.Region, ["elbv2", "describe-target-health"], ("target-group-arn", tg.Arn)),
                $"These targets fail their health checks because of {s.RootCause.ToWire()}, not because the application is broken; after {tg.HealthCheck.HealthyThreshold} consecutive passing checks ({tg.HealthCheck.HealthyThreshold * tg.HealthCheck.IntervalSeconds} s at the current interval) each one is healthy again.");
    }

    private static bool IsConfirmed(Http503Session s, CauseId cause) =>
        s.Findings.TryGetValue(cause, out var f) && f.Status == CauseStatus.Confirmed;
}
