using ChatOpsBot.Runbooks.Causes;
using ChatOpsBot.Runbooks.Evidence.LoadBalancing;
using ChatOpsBot.Runbooks.Findings;
using static ChatOpsBot.Runbooks.Http503.Checks.Numbers;

namespace ChatOpsBot.Runbooks.Http503.Checks;

/// <summary>
/// lb-capacity: the load balancer's state (active_impaired), RejectedConnectionCount, PeakLCUs against any LCU
/// reservation, and load-balancer 503s that nothing else explains during a traffic surge. The remedy for ALB and
/// NLB is an LCU reservation; SpilloverCount/SurgeQueueLength exist only for Classic and no "number of nodes" exists.
/// </summary>
internal static class CapacityCheck
{
    public static void Run(Http503Session s)
    {
        var e = s.Evidence;
        var lb = e.LoadBalancer!;
        var m = e.Metrics;
        s.StepTitle = "Checked load-balancer capacity";
        var facts = new List<Fact>
        {
            Fact.Of("elasticloadbalancing:DescribeLoadBalancers", $"{lb.Name} state: {lb.StateCode}{(lb.StateReason is { } r ? $" ({r})" : string.Empty)}.", lb.Arn),
        };
        var confirmed = new List<string>();
        string? doubt = null;
        var peak = m?.Max(Http503Metrics.PeakLcus);
        if (peak is { } p)
        {
            facts.Add(Fact.Of("cloudwatch:GetMetricData", $"PeakLCUs reached {N(p)} in one minute.", lb.MetricDimension));
        }

        if (e.CapacityReservation is { } reservation)
        {
            if (reservation.MinimumCapacityUnits is { } reserved)
            {
                var states = string.Join(", ", reservation.Zones.Select(z => $"{z.AvailabilityZone ?? "?"} {z.StateCode ?? "?"}"));
                facts.Add(Fact.Of("elasticloadbalancing:DescribeCapacityReservation", $"{N(reserved)} LCUs reserved ({states}).", lb.Arn));
                if (reservation.Zones.Any(z => z.StateCode == "failed"))
                {
                    confirmed.Add($"the LCU reservation of {N(reserved)} failed to provision in {string.Join(", ", reservation.Zones.Where(z => z.StateCode == "failed").Select(z => z.AvailabilityZone))}");
                }
                else if (peak > reserved)
                {
                    facts.Add(Fact.Of("cloudwatch:GetMetricData", $"Peak usage {N(peak.Value)} LCUs exceeded the {N(reserved)} reserved: beyond the reservation the load balancer scales on demand, which takes minutes.", lb.MetricDimension));
                }
            }
            else
            {
                facts.Add(Fact.Of("elasticloadbalancing:DescribeCapacityReservation", "No LCU reservation is set.", lb.Arn));
            }
        }

        var starved = lb.Zones
            .Select(z => (Zone: z, Subnet: e.Subnets?.FirstOrDefault(x => x.SubnetId == z.SubnetId)))
            .Where(x => x.Subnet?.AvailableIpAddressCount is < MinimumFreeAddresses)
            .ToArray();
        foreach (var (zone, subnet) in starved)
        {
            facts.Add(Fact.Of("ec2:DescribeSubnets", $"{subnet!.SubnetId} ({zone.ZoneName}, {subnet.CidrBlock}) has {N(subnet.AvailableIpAddressCount!.Value)} free IP addresses; a load balancer needs at least {N(MinimumFreeAddresses)} per subnet to add nodes.", subnet.SubnetId));
        }

        if (lb.StateCode == "active_impaired")
        {
            confirmed.Add($"{lb.Name} is active_impaired: AWS reports it is running but cannot scale{(lb.StateReason is { } reason ? $" ({reason})" : string.Empty)}"
                + (starved.Length > 0 ? $", and its subnets {string.Join(", ", starved.Select(x => x.Subnet!.SubnetId))} have no room for more nodes" : string.Empty));
        }

        if (m is not null && lb.Type == LoadBalancerType.Application)
        {
            var rejected = m.Failed(Http503Metrics.Rejected) ? 0 : m.Sum(Http503Metrics.Rejected);
            facts.Add(Fact.Of("cloudwatch:GetMetricData", $"RejectedConnectionCount: {N(rejected)} in the last {Minutes(s.Request.Window)}.", lb.MetricDimension));
            if (rejected > 0)
            {
                confirmed.Add($"{lb.Name} rejected {N(rejected)} connections because it reached its maximum number of connections (RejectedConnectionCount)");
            }

            var explained = s.Findings.TryGetValue(CauseId.FixedResponse, out var f) && f.Status == CauseStatus.Confirmed
                || s.Findings.TryGetValue(CauseId.NoRegisteredTargets, out var n) && n.Status == CauseStatus.Confirmed;
            var surge = m.Max(Http503Metrics.Requests) is { } top && m.Median(Http503Metrics.Requests) is { } median && top >= 3 * Math.Max(median, 1) && top >= 1000;
            if (confirmed.Count == 0 && s.LoadBalancerProduces503 == true && !explained && surge)
            {
                doubt = $"The load balancer answered {N(m.Sum(Http503Metrics.Elb503))} 503s itself while requests jumped to {N(m.Max(Http503Metrics.Requests)!.Value)} per minute (median {N(m.Median(Http503Metrics.Requests)!.Value)}), and no routing or target cause explains them: it may be scaling behind a surge";
            }
        }
        else if (m is not null && lb.Type == LoadBalancerType.Network)
        {
            var portErrors = m.Sum(Http503Metrics.PortAllocationErrors);
            if (portErrors > 0)
            {
                facts.Add(Fact.Of("cloudwatch:GetMetricData", $"PortAllocationErrorCount: {N(portErrors)}: client IP translation ran out of ports (about 55,000 connections per target IP and port).", lb.MetricDimension));
                doubt = $"{lb.Name} ran out of source ports for client IP translation {N(portErrors)} times: add targets or spread connections over more target ports";
            }
        }

        var fix = starved.Length > 0 && (confirmed.Count > 0 || doubt is not null)
            ? SubnetFix(lb, starved.Select(x => x.Zone).ToArray())
            : confirmed.Count > 0 || doubt is not null ? ReservationFix(lb, peak) : null;
        if (confirmed.Count > 0)
        {
            var text = string.Join("; ", confirmed);
            s.Record(new CauseFinding(CauseId.LbCapacity, CauseStatus.Confirmed, (text.StartsWith(lb.Name, StringComparison.Ordinal) ? text : char.ToUpperInvariant(text[0]) + text[1..]) + ".", facts, fix));
        }
        else if (doubt is not null)
        {
            s.Record(new CauseFinding(CauseId.LbCapacity, CauseStatus.Inconclusive, doubt + ".", facts, fix));
        }
        else if (m is null)
        {
            var gap = s.GapSentence("cloudwatch:GetMetricData") ?? "metrics were not available";
            s.Record(new CauseFinding(CauseId.LbCapacity, CauseStatus.Inconclusive, $"{lb.Name} is {lb.StateCode}, but without metrics rejected connections and LCU use are unknown ({gap}).", facts, null));
        }
        else
        {
            var summary = lb.Type == LoadBalancerType.Application
                ? $"{lb.Name} is {lb.StateCode} and rejected no connections."
                : $"{lb.Name} is {lb.StateCode} and had no port allocation errors.";
            s.Record(new CauseFinding(CauseId.LbCapacity, CauseStatus.RuledOut, summary, facts, null));
        }

        s.StepDetail = s.Findings[CauseId.LbCapacity].Summary;
    }

    /// <summary>ELB documentation: each subnet of a load balancer needs at least 8 free IP addresses so it can scale.</summary>
    private const int MinimumFreeAddresses = 8;

    private static Fix SubnetFix(LoadBalancerDescription lb, IReadOnlyList<LoadBalancerZone> starved)
    {
        var subnets = lb.Zones.Select(z => starved.Contains(z) ? $"<larger-subnet-in-{z.ZoneName}>" : z.SubnetId).ToArray();
        return new Fix(
            $"Give {lb.Name} room to scale: move it to subnets with free addresses in {string.Join(", ", starved.Select(z => z.ZoneName))} (at least /27, 8 free addresses), or free addresses in {string.Join(", ", starved.Select(z => z.SubnetId))}.",
            AwsCli.Command(lb.Region, ["elbv2", "set-subnets"], ("load-balancer-arn", lb.Arn), ("subnets", subnets)),
            "ELB scales by adding nodes, and every node needs an address in each enabled subnet; with none free it stays active_impaired. A capacity reservation would not help, since reserved capacity needs addresses too.");
    }

    private static Fix ReservationFix(LoadBalancerDescription lb, double? peak)
    {
        var units = peak is { } p && p > 0 ? N((int)Math.Ceiling(p * 1.5)) : "<lcus>";
        return new Fix(
            peak is > 0
                ? $"Reserve {units} LCUs (1.5 x the peak seen) of capacity for {lb.Name} ahead of the load."
                : $"Reserve capacity for {lb.Name} ahead of the load (PeakLCUs was not available: size <lcus> from your expected peak).",
            AwsCli.Command(lb.Region, ["elbv2", "modify-capacity-reservation"], ("load-balancer-arn", lb.Arn), ("minimum-load-balancer-capacity", $"CapacityUnits={units}")),
            "ELB scales on its own but needs minutes for a sharp surge; a Load Balancer Capacity Unit reservation keeps at least that capacity provisioned (watch it go from pending to provisioned with describe-capacity-reservation). There is no node-count setting, and SpilloverCount/SurgeQueueLength exist only for Classic load balancers.");
    }
}
