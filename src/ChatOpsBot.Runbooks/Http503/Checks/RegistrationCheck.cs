using ChatOpsBot.Runbooks.Causes;
using ChatOpsBot.Runbooks.Evidence.LoadBalancing;
using ChatOpsBot.Runbooks.Findings;
using static ChatOpsBot.Runbooks.Http503.Checks.Numbers;

namespace ChatOpsBot.Runbooks.Http503.Checks;

/// <summary>
/// no-registered-targets: a group traffic is forwarded to has no target in service (empty, or all unused/draining),
/// or an enabled Availability Zone has none while cross-zone load balancing is off for that group.
/// </summary>
internal static class RegistrationCheck
{
    public static void Run(Http503Session s)
    {
        var e = s.Evidence;
        var lb = e.LoadBalancer!;
        s.StepTitle = "Checked that every routed target group has targets in every enabled zone";
        var inUse = Http503Topology.InUseTargetGroups(e);
        if (e.TargetGroups is null || e.Listeners is null)
        {
            var gap = s.GapSentence("elasticloadbalancing:DescribeTargetGroups", "elasticloadbalancing:DescribeListeners") ?? "target groups could not be read";
            s.Record(new CauseFinding(CauseId.NoRegisteredTargets, CauseStatus.Inconclusive, $"Could not read the target groups: {gap}.", [], null));
            s.StepDetail = gap;
            return;
        }

        var facts = new List<Fact>();
        Fix? fix = null;
        var confirmed = new List<string>();
        var unknown = new List<string>();
        foreach (var tg in inUse)
        {
            var routes = string.Join(", ", Http503Topology.RoutesTo(e, tg.Arn));
            if (!e.TargetHealth.TryGetValue(tg.Arn, out var targets))
            {
                unknown.Add(tg.Name);
                continue;
            }

            if (targets.Count == 0)
            {
                confirmed.Add($"Target group {tg.Name} has no registered targets");
                facts.Add(Fact.Of("elasticloadbalancing:DescribeTargetHealth", $"Target group {tg.Name} has no registered targets, yet {routes} forwards to it: every request routed there gets a 503 from the load balancer.", tg.Arn));
                fix ??= RegisterFix(lb, tg);
                continue;
            }

            var inService = targets.Where(t => !Http503Topology.IsOutOfService(t)).ToArray();
            if (inService.Length == 0)
            {
                var reasons = string.Join(", ", targets.GroupBy(t => $"{t.State} ({t.Reason ?? "no reason"})").Select(g => $"{N(g.Count())} {g.Key}"));
                confirmed.Add($"No target of {tg.Name} is in service");
                facts.Add(Fact.Of("elasticloadbalancing:DescribeTargetHealth", $"No target of {tg.Name} is in service: {reasons}. A group without targets in service answers like an empty one.", [tg.Arn, .. targets.Select(t => t.TargetId).Take(10)]));
                var stopped = targets.Where(t => t.Reason == "Target.InvalidState").Select(t => t.TargetId).ToArray();
                fix ??= stopped.Length > 0 && tg.TargetType == "instance"
                    ? new Fix(
                        $"Start the stopped instances registered in {tg.Name}.",
                        AwsCli.Command(lb.Region, ["ec2", "start-instances"], ("instance-ids", stopped.Take(10).ToArray())),
                        "Target.InvalidState means the instance is stopped or terminated; a running instance passes health checks again and receives traffic.")
                    : RegisterFix(lb, tg);
                continue;
            }

            if (Http503Topology.CrossZoneEnabled(e, tg) == false)
            {
                var zones = inService.Select(t => TargetZones.Zone(e, t)).ToArray();
                if (zones.Any(z => z is null))
                {
                    continue;
                }

                if (zones.Contains("all", StringComparer.Ordinal))
                {
                    continue;
                }

                for (var zi = 0; zi < lb.Zones.Count; zi++)
                {
                    var zone = lb.Zones[zi].ZoneName;
                    if (zones.Contains(zone, StringComparer.Ordinal))
                    {
                        continue;
                    }

                    confirmed.Add($"{zone} has no {tg.Name} targets while cross-zone is off");
                    facts.Add(Fact.Of("elasticloadbalancing:DescribeTargetHealth", $"{zone} is enabled on {lb.Name} (subnet {lb.Zones[zi].SubnetId}) but target group {tg.Name} has no target in service there, and cross-zone load balancing is off for it: requests that reach the {zone} node get 503.", tg.Arn, lb.Zones[zi].SubnetId));
                    if (e.Metrics is { } m && m.Sum(Http503Metrics.AzElb503(zi)) is > 0 and var azCount)
                    {
                        facts.Add(Fact.Of("cloudwatch:GetMetricData", $"HTTPCode_ELB_503_Count in {zone}: {N(azCount)} in the last {Minutes(s.Request.Window)}.", lb.MetricDimension));
                    }

                    fix ??= new Fix(
                        $"Turn cross-zone load balancing on for {tg.Name} (or register targets in {zone}).",
                        AwsCli.Command(lb.Region, ["elbv2", "modify-target-group-attributes"], ("target-group-arn", tg.Arn), ("attributes", "Key=load_balancing.cross_zone.enabled,Value=true")),
                        $"With cross-zone off, each load-balancer node only sends to targets in its own zone; the {zone} node has none, so it answers 503. With it on, that node forwards to targets in the other zones.");
                }
            }
        }

        if (confirmed.Count > 0)
        {
            s.Record(new CauseFinding(CauseId.NoRegisteredTargets, CauseStatus.Confirmed, Sentence(confirmed) + ".", facts, fix));
        }
        else if (unknown.Count > 0)
        {
            var gap = s.GapSentence("elasticloadbalancing:DescribeTargetHealth") ?? "target health could not be read";
            s.Record(new CauseFinding(CauseId.NoRegisteredTargets, CauseStatus.Inconclusive, $"Could not read the targets of {string.Join(", ", unknown)}: {gap}.", facts, null));
        }
        else if (inUse.Count == 0)
        {
            s.Record(new CauseFinding(CauseId.NoRegisteredTargets, CauseStatus.RuledOut, "No listener forwards to a target group, so no request waits on targets.", facts, null));
        }
        else
        {
            s.Record(new CauseFinding(CauseId.NoRegisteredTargets, CauseStatus.RuledOut, $"Every routed target group ({string.Join(", ", inUse.Select(t => t.Name))}) has targets in service in every zone that needs them.", facts, null));
        }

        s.StepDetail = s.Findings[CauseId.NoRegisteredTargets].Summary;
    }

    private static Fix RegisterFix(LoadBalancerDescription lb, TargetGroupDescription tg)
    {
        var id = tg.TargetType switch
        {
            "ip" => "Id=<private-ip>",
            "lambda" => "Id=<lambda-function-arn>",
            "alb" => "Id=<alb-arn>",
            _ => "Id=<instance-id>",
        };
        var port = tg.Port is { } p && tg.TargetType is "instance" or "ip" ? $",Port={N(p)}" : string.Empty;
        return new Fix(
            $"Register healthy targets in {tg.Name} (or attach it to the Auto Scaling group that should fill it).",
            AwsCli.Command(lb.Region, ["elbv2", "register-targets"], ("target-group-arn", tg.Arn), ("targets", id + port)),
            "With no target in service, the load balancer has nowhere to send requests routed to this group and answers 503 itself; registered targets that pass health checks take the traffic.");
    }

    private static string Sentence(List<string> parts) => string.Join("; ", parts);
}
