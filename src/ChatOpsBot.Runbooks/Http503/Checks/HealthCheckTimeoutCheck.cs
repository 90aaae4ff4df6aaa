using ChatOpsBot.Runbooks.Causes;
using ChatOpsBot.Runbooks.Evidence.LoadBalancing;
using ChatOpsBot.Runbooks.Findings;
using static ChatOpsBot.Runbooks.Http503.Checks.Numbers;

namespace ChatOpsBot.Runbooks.Http503.Checks;

/// <summary>
/// health-check-timeout: targets fail with Target.Timeout although the network path is open, or answer slower
/// (TargetResponseTime p99) than the configured health-check timeout.
/// </summary>
internal static class HealthCheckTimeoutCheck
{
    public static void Run(Http503Session s)
    {
        var e = s.Evidence;
        var lb = e.LoadBalancer!;
        s.StepTitle = "Compared health-check timeouts with how fast the targets answer";
        if (lb.Type != LoadBalancerType.Application)
        {
            s.Record(CauseFinding.NotChecked(CauseId.HealthCheckTimeout, "Network load balancers report every failed check as Target.FailedHealthChecks and publish no response time, so a timeout cannot be told apart from a refusal."));
            s.StepDetail = s.Findings[CauseId.HealthCheckTimeout].Summary;
            return;
        }

        var groups = e.TargetGroups ?? [];
        var facts = new List<Fact>();
        string? confirmed = null;
        Fix? fix = null;
        var explainedByNetwork = false;
        var slowButHealthy = new List<string>();
        foreach (var tg in Http503Topology.InUseTargetGroups(e))
        {
            var index = Http503Topology.IndexOf(groups, tg);
            var p99 = index < 0 ? null : e.Metrics?.Max(Http503Metrics.TgResponseTimeP99(index));
            var timeout = tg.HealthCheck.TimeoutSeconds;
            var timedOut = Http503Topology.Targets(e, tg).Where(t => Http503Topology.IsUnhealthy(t) && t.Reason == "Target.Timeout").ToArray();
            if (p99 is { } seen)
            {
                facts.Add(Fact.Of("cloudwatch:GetMetricData", $"{tg.Name}: TargetResponseTime p99 peaked at {Seconds(seen)} against a health-check timeout of {N(timeout)} s.", tg.Arn));
            }

            if (timedOut.Length == 0)
            {
                if (p99 is { } near && near >= 0.8 * timeout)
                {
                    slowButHealthy.Add(tg.Name);
                }

                continue;
            }

            var blocked = s.PathResults.Where(r => r.TargetGroupArn == tg.Arn && r.Purpose == "health check" && !r.Verdict.Allowed)
                .SelectMany(r => r.TargetIds).ToHashSet(StringComparer.Ordinal);
            var open = timedOut.Where(t => !blocked.Contains(t.TargetId)).ToArray();
            if (open.Length == 0)
            {
                explainedByNetwork = true;
                facts.Add(Fact.Of("ec2:DescribeSecurityGroups", $"{N(timedOut.Length)} targets of {tg.Name} time out because the network drops the health checks (see network-blocked).", tg.Arn));
                continue;
            }

            facts.Add(Fact.Of("elasticloadbalancing:DescribeTargetHealth", $"{N(open.Length)} targets of {tg.Name} time out ({string.Join(", ", open.Take(5).Select(t => t.TargetId))}) with the network path open: the application accepts the connection but does not answer {tg.HealthCheck.Path ?? "/"} within {N(timeout)} s.", [tg.Arn, .. open.Take(5).Select(t => t.TargetId)]));
            confirmed ??= p99 is { } slow && slow >= timeout
                ? $"{tg.Name}'s targets answer in up to {Seconds(slow)} (p99) but the health check gives up after {N(timeout)} s: {N(open.Length)} targets fail with Target.Timeout."
                : $"{N(open.Length)} targets of {tg.Name} fail health checks with Target.Timeout although security groups and network ACLs allow them: the health endpoint hangs or is too slow for the {N(timeout)} s timeout.";
            fix ??= TimeoutFix(lb, tg, p99);
        }

        if (confirmed is not null)
        {
            s.Record(new CauseFinding(CauseId.HealthCheckTimeout, CauseStatus.Confirmed, confirmed, facts, fix));
        }
        else if (HealthCheckSettingsCheck.Unread(e) is { Length: > 0 } unread)
        {
            var gap = s.GapSentence("elasticloadbalancing:DescribeTargetHealth") ?? "target health could not be read";
            s.Record(new CauseFinding(CauseId.HealthCheckTimeout, CauseStatus.Inconclusive, $"Could not tell whether the targets of {unread} time out: {gap}.", facts, null));
        }
        else if (explainedByNetwork)
        {
            s.Record(new CauseFinding(CauseId.HealthCheckTimeout, CauseStatus.RuledOut, "The health-check timeouts are explained by the blocked network path, not by slow targets.", facts, null));
        }
        else
        {
            var note = slowButHealthy.Count > 0 ? $" Watch {string.Join(", ", slowButHealthy)}: p99 is within 80% of the timeout." : string.Empty;
            s.Record(new CauseFinding(CauseId.HealthCheckTimeout, CauseStatus.RuledOut, "No target fails its health check by timing out." + note, facts, null));
        }

        s.StepDetail = s.Findings[CauseId.HealthCheckTimeout].Summary;
    }

    private static Fix TimeoutFix(LoadBalancerDescription lb, TargetGroupDescription tg, double? p99)
    {
        var (timeout, command) = LongerTimeout(lb, tg, p99);
        return new Fix(
            $"Give {tg.Name}'s health check {N(timeout)} s to answer, and make {tg.HealthCheck.Path ?? "/"} cheap (no database or downstream calls).",
            command,
            "A check that does not answer within the timeout counts as failed; after the unhealthy threshold the target leaves service. The timeout must stay below the interval (the API rejects it otherwise), and a health path that does no real work answers in milliseconds.");
    }

    /// <summary>The longer health-check timeout for a target that answers in <paramref name="observedSeconds"/>
    /// (double the current one, or 1.5 times what was seen, within 2-120 s), and the command that sets it; the
    /// interval is raised with it when needed, because the API rejects a timeout not below the interval.</summary>
    internal static (int TimeoutSeconds, string Command) LongerTimeout(LoadBalancerDescription lb, TargetGroupDescription tg, double? observedSeconds)
    {
        var hc = tg.HealthCheck;
        var wanted = (int)Math.Ceiling(Math.Max(hc.TimeoutSeconds * 2, (observedSeconds ?? 0) * 1.5));
        var timeout = Math.Clamp(wanted, 2, 120);
        var interval = Math.Max(hc.IntervalSeconds, timeout + 5);
        var options = new List<(string, object?)> { ("target-group-arn", tg.Arn), ("health-check-timeout-seconds", N(timeout)) };
        if (interval != hc.IntervalSeconds)
        {
            options.Add(("health-check-interval-seconds", N(Math.Min(interval, 300))));
        }

        return (timeout, AwsCli.Command(lb.Region, ["elbv2", "modify-target-group"], [.. options]));
    }
}
