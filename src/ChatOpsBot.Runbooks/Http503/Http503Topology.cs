using System.Globalization;
using ChatOpsBot.Runbooks.Evidence.LoadBalancing;

namespace ChatOpsBot.Runbooks.Http503;

/// <summary>Pure questions about the load balancer's routing, asked by several checks.</summary>
public static class Http503Topology
{
    /// <summary>Every action of every listener and rule, with where it sits (for messages).</summary>
    public static IEnumerable<(string Where, string? RuleArn, string ListenerArn, bool IsDefault, RuleAction Action)> Actions(Http503Evidence e)
    {
        foreach (var listener in e.Listeners ?? [])
        {
            var where = $"listener {listener.Protocol}:{listener.Port.ToString(CultureInfo.InvariantCulture)}";
            if (e.Rules.TryGetValue(listener.Arn, out var rules) && rules.Count > 0)
            {
                foreach (var rule in rules)
                {
                    var ruleWhere = rule.IsDefault ? $"{where} default rule" : $"{where} rule {rule.Priority}";
                    foreach (var action in rule.Actions)
                    {
                        yield return (ruleWhere, rule.Arn, listener.Arn, rule.IsDefault, action);
                    }
                }
            }
            else
            {
                foreach (var action in listener.DefaultActions)
                {
                    yield return ($"{where} default action", null, listener.Arn, true, action);
                }
            }
        }
    }

    /// <summary>Target groups that some listener or rule forwards to with a non-zero weight.</summary>
    public static IReadOnlyList<TargetGroupDescription> InUseTargetGroups(Http503Evidence e)
    {
        var arns = Actions(e)
            .Where(a => a.Action.Type == "forward")
            .SelectMany(a => a.Action.TargetGroups)
            .Where(g => g.Weight is null or > 0)
            .Select(g => g.TargetGroupArn)
            .ToHashSet(StringComparer.Ordinal);
        return (e.TargetGroups ?? []).Where(tg => arns.Contains(tg.Arn)).ToArray();
    }

    /// <summary>Where traffic reaches a target group from, for messages ("listener HTTP:80 default rule").</summary>
    public static IReadOnlyList<string> RoutesTo(Http503Evidence e, string targetGroupArn) =>
        Actions(e)
            .Where(a => a.Action.Type == "forward" && a.Action.TargetGroups.Any(g => g.TargetGroupArn == targetGroupArn && g.Weight is null or > 0))
            .Select(a => a.Where)
            .Distinct(StringComparer.Ordinal)
            .ToArray();

    public static IReadOnlyList<TargetHealthDescription> Targets(Http503Evidence e, TargetGroupDescription tg) =>
        e.TargetHealth.TryGetValue(tg.Arn, out var t) ? t : [];

    /// <summary>The port a target receives traffic on: its registered port, else the group's.</summary>
    public static int? TrafficPort(TargetGroupDescription tg, TargetHealthDescription? target) => target?.Port ?? tg.Port;

    /// <summary>The port health checks go to: the explicit port, else the traffic port.</summary>
    public static int? HealthCheckPort(TargetGroupDescription tg, TargetHealthDescription? target)
    {
        if (target?.HealthCheckPort is { } reported && int.TryParse(reported, NumberStyles.None, CultureInfo.InvariantCulture, out var p))
        {
            return p;
        }

        return int.TryParse(tg.HealthCheck.Port, NumberStyles.None, CultureInfo.InvariantCulture, out var configured)
            ? configured
            : TrafficPort(tg, target);
    }

    /// <summary>Whether cross-zone load balancing is on for a target group (ALB default on, NLB default off).</summary>
    public static bool? CrossZoneEnabled(Http503Evidence e, TargetGroupDescription tg)
    {
        var lb = e.LoadBalancer;
        if (lb is null)
        {
            return null;
        }

        string? tgValue = null;
        if (e.TargetGroupAttributes.TryGetValue(tg.Arn, out var attrs))
        {
            attrs.TryGetValue("load_balancing.cross_zone.enabled", out tgValue);
        }

        if (tgValue is "true")
        {
            return true;
        }

        if (tgValue is "false")
        {
            return false;
        }

        if (lb.Type == LoadBalancerType.Application)
        {
            // ALB cross-zone is always on at the load-balancer level; the group inherits it.
            return true;
        }

        if (e.LoadBalancerAttributes is { } lbAttrs && lbAttrs.TryGetValue("load_balancing.cross_zone.enabled", out var lbValue))
        {
            return lbValue == "true";
        }

        return e.LoadBalancerAttributes is null ? null : false;
    }

    /// <summary>A group's position among the load balancer's groups: the index of its per-group metric queries.</summary>
    public static int IndexOf(IReadOnlyList<TargetGroupDescription> groups, TargetGroupDescription tg)
    {
        for (var i = 0; i < groups.Count; i++)
        {
            if (groups[i].Arn == tg.Arn)
            {
                return i;
            }
        }

        return -1;
    }

    public static bool IsUnhealthy(TargetHealthDescription t) => t.State is "unhealthy" or "unhealthy.draining";

    /// <summary>States in which a target gets no new traffic at all.</summary>
    public static bool IsOutOfService(TargetHealthDescription t) => t.State is "unused" or "draining";

    /// <summary>Health-check failure codes parsed from "Health checks failed with these codes: [404]".</summary>
    public static IReadOnlyList<int> FailedCodes(TargetHealthDescription t)
    {
        if (t.Description is not { } d)
        {
            return [];
        }

        var open = d.IndexOf('[', StringComparison.Ordinal);
        var close = d.IndexOf(']', StringComparison.Ordinal);
        if (open < 0 || close <= open)
        {
            return [];
        }

        return d[(open + 1)..close]
            .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(s => int.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out var c) ? c : -1)
            .Where(c => c > 0)
            .ToArray();
    }

    /// <summary>Whether an HTTP code is accepted by a matcher such as "200", "200,202" or "200-299".</summary>
    public static bool MatcherAccepts(string? matcher, int code)
    {
        foreach (var part in (matcher ?? "200").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var dash = part.IndexOf('-', StringComparison.Ordinal);
            if (dash > 0
                && int.TryParse(part[..dash], NumberStyles.None, CultureInfo.InvariantCulture, out var lo)
                && int.TryParse(part[(dash + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var hi))
            {
                if (code >= lo && code <= hi)
                {
                    return true;
                }
            }
            else if (int.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out var single) && single == code)
            {
                return true;
            }
        }

        return false;
    }
}
