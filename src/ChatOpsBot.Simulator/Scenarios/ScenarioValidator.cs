namespace ChatOpsBot.Simulator.Scenarios;

/// <summary>Catches scenario mistakes that JSON binding cannot: dangling references and impossible settings.</summary>
internal static partial class ScenarioValidator
{
    public static void Validate(Scenario scenario, string source)
    {
        var problems = new List<string>();
        var tgKeys = scenario.TargetGroups.SelectMany(t => new[] { t.Arn, t.Name }).ToHashSet(StringComparer.Ordinal);
        var vpcs = scenario.Vpcs.Select(v => v.VpcId).ToHashSet(StringComparer.Ordinal);
        var subnets = scenario.Subnets.Select(s => s.SubnetId).ToHashSet(StringComparer.Ordinal);

        foreach (var lb in scenario.LoadBalancers)
        {
            if (!lb.Arn.Contains(":loadbalancer/", StringComparison.Ordinal))
            {
                problems.Add($"load balancer {lb.Name}: arn '{lb.Arn}' is not a load balancer ARN");
            }

            if (vpcs.Count > 0 && !vpcs.Contains(lb.VpcId))
            {
                problems.Add($"load balancer {lb.Name}: vpc {lb.VpcId} is not in vpcs");
            }

            foreach (var zone in lb.AvailabilityZones.Where(z => subnets.Count > 0 && !subnets.Contains(z.SubnetId)))
            {
                problems.Add($"load balancer {lb.Name}: subnet {zone.SubnetId} is not in subnets");
            }

            foreach (var action in lb.Listeners.SelectMany(l => l.DefaultActions.Concat(l.Rules.SelectMany(r => r.Actions))))
            {
                var referenced = action.ForwardConfig?.TargetGroups.Select(t => t.TargetGroupArn) ?? [];
                if (action.TargetGroupArn is not null)
                {
                    referenced = referenced.Append(action.TargetGroupArn);
                }

                problems.AddRange(referenced.Where(r => !tgKeys.Contains(r))
                    .Select(r => $"load balancer {lb.Name}: action forwards to unknown target group '{r}'"));
            }
        }

        foreach (var tg in scenario.TargetGroups)
        {
            if (tg.HealthCheck.TimeoutSeconds >= tg.HealthCheck.IntervalSeconds)
            {
                problems.Add($"target group {tg.Name}: health check interval must be greater than the timeout");
            }
        }

        foreach (var instance in scenario.Instances.Where(i => !subnets.Contains(i.SubnetId)))
        {
            problems.Add($"instance {instance.InstanceId}: subnet {instance.SubnetId} is not in subnets");
        }

        foreach (var role in scenario.Sts.Roles)
        {
            if (!RoleArnPattern().IsMatch(role.Arn))
            {
                problems.Add($"sts role '{role.Arn}': arn must look like arn:aws:iam::<12-digit account>:role/<name>");
            }

            if (role.MaxSessionDurationSeconds is < 3600 or > 43200)
            {
                problems.Add($"sts role '{role.Arn}': maxSessionDurationSeconds must be between 3600 and 43200");
            }
        }

        if (scenario.PageSize is < 1)
        {
            problems.Add("pageSize must be at least 1");
        }

        if (problems.Count > 0)
        {
            throw new InvalidDataException($"Scenario '{source}' is not valid: {string.Join("; ", problems)}.");
        }
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"^arn:aws[a-z-]*:iam::\d{12}:role/[\w+=,.@/-]+$")]
    private static partial System.Text.RegularExpressions.Regex RoleArnPattern();
}
