using ChatOpsBot.Runbooks.Causes;
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
        var order = (s.LoadBalancerProduces5xx == false ? TargetsFirst : LoadBalancerFirst).ToList();
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
            s.Suggestions.Add($"Grant {gap.IamAction} to the bot's role to check {gap.Step} (see the read-only policy in the README).");
        }

        s.StepDetail = s.RootCause == CauseId.None
            ? "no cause confirmed"
            : $"root cause {s.RootCause.ToWire()}" + (s.Contributing.Count > 0 ? $", contributing {string.Join(", ", s.Contributing.Select(c => c.ToWire()))}" : string.Empty);
    }

    private static bool IsConfirmed(Http503Session s, CauseId cause) =>
        s.Findings.TryGetValue(cause, out var f) && f.Status == CauseStatus.Confirmed;
}
