using ChatOpsBot.Runbooks.Engine;
using ChatOpsBot.Runbooks.Evidence;
using ChatOpsBot.Runbooks.Evidence.LoadBalancing;

namespace ChatOpsBot.Runbooks.Http503;

/// <summary>
/// The entry actions of the gathering states: each is one wave of independent AWS calls run concurrently.
/// A call that fails is recorded as a gap (with the IAM action it needs) and the diagnosis goes on without it.
/// </summary>
internal sealed class Http503Gathering(EvidenceSources sources, TimeProvider time)
{
    /// <summary>Wave 1: find the load balancer.</summary>
    public async Task ResolveAsync(Http503Session s, CancellationToken ct)
    {
        s.StepTitle = $"Looking up load balancer {s.Request.LoadBalancer}";
        try
        {
            s.Evidence.Lookup = await sources.LoadBalancing.FindLoadBalancerAsync(s.Identifier!.Value, ct);
        }
        catch (EvidenceException e) when (e.Kind is not EvidenceFailureKind.NotFound and not EvidenceFailureKind.InvalidRequest)
        {
            s.FatalError = e;
            s.StepDetail = e.Message;
            return;
        }
        catch (EvidenceException e)
        {
            s.Evidence.Lookup = new LoadBalancerLookup(null, false, []);
            s.StepDetail = e.Message;
            return;
        }

        var lb = s.Evidence.LoadBalancer;
        s.StepDetail = lb is null
            ? s.Evidence.Lookup.ClassicExists ? "a Classic Load Balancer has that name" : "no such load balancer"
            : $"{lb.Type.ToString().ToLowerInvariant()} load balancer {lb.Name}, state {lb.StateCode}, {lb.Zones.Count} zones";
    }

    /// <summary>Wave 2: everything that needs only the load balancer: listeners, target groups, attributes, capacity, the VPC's network and DNS.</summary>
    public async Task GatherConfigurationAsync(Http503Session s, CancellationToken ct)
    {
        var lb = s.Evidence.LoadBalancer!;
        var e = s.Evidence;
        s.StepTitle = "Read listeners, target groups and the VPC's network configuration";
        var lbPort = sources.LoadBalancing;
        var net = sources.Network;
        var tasks = new List<Task>
        {
            Try(s, "listeners", async () => e.Listeners = await lbPort.GetListenersAsync(lb.Arn, ct)),
            Try(s, "target groups", async () => e.TargetGroups = await lbPort.GetTargetGroupsAsync(lb.Arn, ct)),
            Try(s, "load balancer attributes", async () => e.LoadBalancerAttributes = await lbPort.GetLoadBalancerAttributesAsync(lb.Arn, ct)),
            Try(s, "capacity reservation", async () => e.CapacityReservation = await lbPort.GetCapacityReservationAsync(lb.Arn, ct)),
            Try(s, "VPC", async () => e.Vpc = await net.GetVpcAsync(lb.VpcId, ct)),
            Try(s, "subnets", async () => e.Subnets = await net.GetSubnetsAsync(lb.VpcId, ct)),
            Try(s, "network ACLs", async () => e.NetworkAcls = await net.GetNetworkAclsAsync(lb.VpcId, ct)),
            Try(s, "security groups", async () => e.SecurityGroups = await net.GetSecurityGroupsAsync(lb.VpcId, ct)),
            Try(s, "load balancer nodes", async () => e.LoadBalancerInterfaces = await net.GetInterfacesByDescriptionAsync($"ELB {lb.MetricDimension}", ct)),
        };
        if (sources.Dns is { } dns)
        {
            tasks.Add(Try(s, "DNS", async () => e.LoadBalancerDns = await dns.ResolveAsync(lb.DnsName, ct)));
        }

        await Task.WhenAll(tasks);
        s.StepDetail = $"{e.Listeners?.Count ?? 0} listeners, {e.TargetGroups?.Count ?? 0} target groups, {e.SecurityGroups?.Count ?? 0} security groups in {lb.VpcId}";
    }

    /// <summary>Wave 3: rules, target health and attributes per group, every metric in one call, DHCP options and prefix lists.</summary>
    public async Task GatherHealthAndMetricsAsync(Http503Session s, CancellationToken ct)
    {
        var lb = s.Evidence.LoadBalancer!;
        var e = s.Evidence;
        s.StepTitle = "Read rules, target health and CloudWatch metrics";
        var lbPort = sources.LoadBalancing;
        var tasks = new List<Task>();
        if (lb.Type == LoadBalancerType.Application)
        {
            foreach (var listener in e.Listeners ?? [])
            {
                tasks.Add(Try(s, "rules", async () =>
                {
                    var rules = await lbPort.GetRulesAsync(listener.Arn, ct);
                    lock (e.Rules)
                    {
                        e.Rules[listener.Arn] = rules;
                    }
                }));
            }
        }

        var groups = e.TargetGroups ?? [];
        foreach (var tg in groups)
        {
            tasks.Add(Try(s, "target health", async () =>
            {
                var health = await lbPort.GetTargetHealthAsync(tg.Arn, ct);
                lock (e.TargetHealth)
                {
                    e.TargetHealth[tg.Arn] = health;
                }
            }));
            tasks.Add(Try(s, "target group attributes", async () =>
            {
                var attrs = await lbPort.GetTargetGroupAttributesAsync(tg.Arn, ct);
                lock (e.TargetGroupAttributes)
                {
                    e.TargetGroupAttributes[tg.Arn] = attrs;
                }
            }));
        }

        var end = Truncate(time.GetUtcNow());
        var start = end - s.Request.Window;
        var queries = Http503Metrics.BuildQueries(lb, groups, s.Request.Window <= TimeSpan.FromHours(3) ? 60 : 300);
        if (queries.Count > 0)
        {
            tasks.Add(Try(s, "metrics", async () =>
                e.Metrics = new Http503Metrics(queries, await sources.Metrics.GetMetricDataAsync(queries, start, end, ct), start, end)));
        }

        if (e.Vpc?.DhcpOptionsId is { } dhcpId && dhcpId != "default")
        {
            tasks.Add(Try(s, "DHCP options", async () => e.DhcpOptions = await sources.Network.GetDhcpOptionsAsync(dhcpId, ct)));
        }

        var prefixLists = (e.SecurityGroups ?? [])
            .SelectMany(g => g.Inbound.Concat(g.Outbound))
            .SelectMany(r => r.PrefixListIds)
            .Distinct(StringComparer.Ordinal)
            .ToArray();
        if (prefixLists.Length > 0)
        {
            tasks.Add(Try(s, "prefix lists", async () => e.PrefixLists = await sources.Network.GetPrefixListsAsync(prefixLists, ct)));
        }
        else
        {
            e.PrefixLists = [];
        }

        await Task.WhenAll(tasks);
        if (e.Metrics is { } metrics && metrics.AllSeries.Where(x => x.StatusCode is "Forbidden" or "InternalError").ToArray() is { Length: > 0 } failed)
        {
            s.AddGap("metrics", new EvidenceException(
                failed.Any(x => x.StatusCode == "Forbidden") ? EvidenceFailureKind.AccessDenied : EvidenceFailureKind.Unavailable,
                "cloudwatch",
                "GetMetricData",
                failed[0].StatusCode,
                $"CloudWatch answered {failed[0].StatusCode} for {failed.Length} of {metrics.Queries.Count} metric queries ({string.Join(", ", failed.Select(x => x.Id).Take(5))}); those checks treat the metric as unknown."));
        }

        var all = e.TargetHealth.Values.SelectMany(t => t).ToArray();
        s.StepDetail = $"{all.Length} targets: {all.Count(t => t.State == "healthy")} healthy, {all.Count(Http503Topology.IsUnhealthy)} unhealthy";
    }

    /// <summary>Wave 4: the targets themselves (instances and IP interfaces) and whether SSM manages them.</summary>
    public async Task GatherTargetsAsync(Http503Session s, CancellationToken ct)
    {
        var e = s.Evidence;
        s.StepTitle = "Read the targets' instances and network interfaces";
        var inUse = Http503Topology.InUseTargetGroups(e);
        var instanceIds = inUse.Where(tg => tg.TargetType == "instance")
            .SelectMany(tg => Http503Topology.Targets(e, tg))
            .Select(t => t.TargetId)
            .Distinct(StringComparer.Ordinal)
            .ToArray();
        var ips = inUse.Where(tg => tg.TargetType == "ip")
            .SelectMany(tg => Http503Topology.Targets(e, tg))
            .Select(t => t.TargetId)
            .Distinct(StringComparer.Ordinal)
            .ToArray();
        // SSM is asked about the unhealthy instances (the fix may run commands on them), or about every instance when
        // on-instance checks may probe healthy ones too, so that ProbingInstances need not ask again.
        var ssmInstances = s.Request.OnInstance is not null
            ? instanceIds
            : inUse.Where(tg => tg.TargetType == "instance")
                .SelectMany(tg => Http503Topology.Targets(e, tg))
                .Where(Http503Topology.IsUnhealthy)
                .Select(t => t.TargetId)
                .Distinct(StringComparer.Ordinal)
                .ToArray();

        var tasks = new List<Task>();
        if (instanceIds.Length > 0)
        {
            tasks.Add(Try(s, "instances", async () => e.Instances = await sources.Network.GetInstancesAsync(instanceIds, ct)));
        }
        else
        {
            e.Instances = [];
        }

        if (ips.Length > 0)
        {
            tasks.Add(Try(s, "target interfaces", async () => e.TargetInterfaces = await sources.Network.GetInterfacesByPrivateIpAsync(e.LoadBalancer!.VpcId, ips, ct)));
        }
        else
        {
            e.TargetInterfaces = [];
        }

        if (ssmInstances.Length > 0 && sources.Instances is { } ssm)
        {
            tasks.Add(Try(s, "SSM", async () => e.ManagedInstances = await ssm.GetManagedInstancesAsync(ssmInstances, ct)));
        }

        await Task.WhenAll(tasks);
        s.StepDetail = $"{instanceIds.Length} instances, {ips.Length} IP targets";
    }

    private static DateTimeOffset Truncate(DateTimeOffset t) => new(t.Year, t.Month, t.Day, t.Hour, t.Minute, 0, TimeSpan.Zero);

    private static async Task Try(Http503Session s, string step, Func<Task> fetch)
    {
        try
        {
            await fetch();
        }
        catch (EvidenceException e)
        {
            s.AddGap(step, e);
        }
    }
}
