using ChatOpsBot.Runbooks.Causes;
using ChatOpsBot.Runbooks.Evidence.LoadBalancing;
using ChatOpsBot.Runbooks.Findings;
using static ChatOpsBot.Runbooks.Http503.Checks.Numbers;

namespace ChatOpsBot.Runbooks.Http503.Checks;

/// <summary>unhealthy-targets: targets that fail health checks, per group and zone, with their reason codes.</summary>
internal static class TargetHealthCheck
{
    public static void Run(Http503Session s)
    {
        var e = s.Evidence;
        var lb = e.LoadBalancer!;
        s.StepTitle = "Checked target health per target group and zone";
        var inUse = Http503Topology.InUseTargetGroups(e);
        var facts = new List<Fact>();
        var unhealthyTotal = 0;
        var initialTotal = 0;
        var total = 0;
        var elbInternal = false;
        TargetGroupDescription? worst = null;
        var worstTargets = Array.Empty<TargetHealthDescription>();
        foreach (var tg in inUse)
        {
            var targets = Http503Topology.Targets(e, tg);
            total += targets.Count;
            var unhealthy = targets.Where(Http503Topology.IsUnhealthy).ToArray();
            initialTotal += targets.Count(t => t.State == "initial");
            if (unhealthy.Length == 0)
            {
                continue;
            }

            unhealthyTotal += unhealthy.Length;
            elbInternal |= unhealthy.Any(t => t.Reason == "Elb.InternalError");
            if (worst is null || unhealthy.Length > worstTargets.Length)
            {
                worst = tg;
                worstTargets = unhealthy;
            }

            var byReason = string.Join(", ", unhealthy.GroupBy(t => t.Reason ?? "no reason").Select(g => $"{N(g.Count())} {g.Key}"));
            facts.Add(Fact.Of(
                "elasticloadbalancing:DescribeTargetHealth",
                $"{N(unhealthy.Length)} of {N(targets.Count)} targets in {tg.Name} are unhealthy ({byReason}).",
                tg.Arn));
            foreach (var t in unhealthy.Take(5))
            {
                var zone = TargetZones.Zone(e, t);
                facts.Add(Fact.Of(
                    "elasticloadbalancing:DescribeTargetHealth",
                    $"{t.TargetId}{(t.Port is { } p ? ":" + N(p) : string.Empty)}{(zone is null ? string.Empty : " in " + zone)}: {t.Reason}{(t.Description is { } d ? " \"" + d + "\"" : string.Empty)}.",
                    t.TargetId));
            }

            if (unhealthy.Length > 5)
            {
                facts.Add(Fact.Of("elasticloadbalancing:DescribeTargetHealth", $"... and {N(unhealthy.Length - 5)} more unhealthy targets in {tg.Name}.", tg.Arn));
            }

            if (unhealthy.Length == targets.Count && lb.Type == LoadBalancerType.Application)
            {
                facts.Add(Fact.Of("elasticloadbalancing:DescribeTargetHealth", $"All targets of {tg.Name} are unhealthy, so the load balancer fails open and keeps routing to all of them.", tg.Arn));
            }
        }

        foreach (var m in e.ManagedInstances ?? [])
        {
            facts.Add(Fact.Of(
                "ssm:DescribeInstanceInformation",
                m.PingStatus == "Online"
                    ? $"{m.InstanceId} is managed by Systems Manager (agent Online): it can be inspected on the host with Run Command."
                    : $"{m.InstanceId} is registered with Systems Manager but its agent is {m.PingStatus}: Run Command cannot reach it until the agent reconnects.",
                m.InstanceId));
        }

        var missing = inUse.Where(tg => !e.TargetHealth.ContainsKey(tg.Arn)).Select(tg => tg.Name).ToArray();
        if (unhealthyTotal > 0)
        {
            var summary = $"{N(unhealthyTotal)} of {N(total)} targets fail health checks" + (worst is null ? "." : $"; most in {worst.Name} ({string.Join(", ", worstTargets.Select(t => t.Reason).Distinct())}).");
            if (elbInternal)
            {
                summary += " Elb.InternalError is an AWS-side fault: open a support case if it persists.";
            }

            s.Record(new CauseFinding(CauseId.UnhealthyTargets, CauseStatus.Confirmed, summary, facts, worst is null ? null : AppFix(s, lb, worst, worstTargets)));
        }
        else if (missing.Length > 0)
        {
            var gap = s.GapSentence("elasticloadbalancing:DescribeTargetHealth") ?? "target health could not be read";
            s.Record(new CauseFinding(CauseId.UnhealthyTargets, CauseStatus.Inconclusive, $"Could not read the health of {string.Join(", ", missing)}: {gap}.", facts, null));
        }
        else if (initialTotal > 0 && initialTotal == total)
        {
            s.Record(new CauseFinding(CauseId.UnhealthyTargets, CauseStatus.Inconclusive, $"All {N(total)} targets are still in their initial health checks (a deployment or scaling in progress); wait interval x healthy threshold and check again.", facts, null));
        }
        else
        {
            var outOfService = inUse.SelectMany(tg => Http503Topology.Targets(e, tg)).Count(Http503Topology.IsOutOfService);
            s.Record(new CauseFinding(
                CauseId.UnhealthyTargets,
                CauseStatus.RuledOut,
                outOfService > 0
                    ? $"All {N(total - outOfService)} routed targets in service pass their health checks ({N(outOfService)} more are unused or draining and get no traffic)."
                    : $"All {N(total)} routed targets pass their health checks.",
                facts,
                null));
        }

        s.StepDetail = s.Findings[CauseId.UnhealthyTargets].Summary;
    }

    private static Fix AppFix(Http503Session s, LoadBalancerDescription lb, TargetGroupDescription tg, TargetHealthDescription[] unhealthy)
    {
        var port = Http503Topology.HealthCheckPort(tg, unhealthy[0]) ?? 80;
        var managed = (s.Evidence.ManagedInstances ?? []).Where(m => m.PingStatus == "Online").Select(m => m.InstanceId).Where(id => unhealthy.Any(u => u.TargetId == id)).Take(10).ToArray();
        var refused = unhealthy.Any(t => t.Reason == "Target.FailedHealthChecks");
        var summary = refused
            ? $"Start the application on the unhealthy targets of {tg.Name}, or make it listen on port {N(port)} on all interfaces (not 127.0.0.1)."
            : $"Repair the application on the unhealthy targets of {tg.Name}: its health endpoint {tg.HealthCheck.Path ?? "/"} fails.";
        if (managed.Length > 0)
        {
            return new Fix(
                summary,
                AwsCli.RunShellScript(lb.Region, managed, "chatopsbot read-only 503 probe", ProbeCommands(tg, port)),
                "The load balancer marks a target unhealthy when its own check fails; this read-only Run Command shows whether the process is running, whether the port is listening and what the health path answers locally, which tells a crashed app from a wrong bind address.");
        }

        return new Fix(
            summary,
            AwsCli.Command(lb.Region, ["elbv2", "describe-target-health"], ("target-group-arn", tg.Arn)),
            "Targets return to service once they pass the health check healthy-threshold times in a row; this command shows each target's state and reason while you repair it.");
    }

    /// <summary>Read-only commands for AWS-RunShellScript: listening sockets, failed units and, for HTTP(S) checks,
    /// the health path asked locally the way the load balancer asks it.</summary>
    private static List<string> ProbeCommands(TargetGroupDescription tg, int port)
    {
        var commands = new List<string> { $"ss -ltnp 'sport = :{N(port)}'", "systemctl --failed --no-pager" };
        if (tg.HealthCheck.Protocol is "HTTP" or "HTTPS")
        {
            var scheme = tg.HealthCheck.Protocol == "HTTPS" ? "https" : "http";
            commands.Add($"curl -sk -o /dev/null -w '%{{http_code}}' {scheme}://127.0.0.1:{N(port)}{tg.HealthCheck.Path ?? "/"}");
        }

        return commands;
    }
}
