using ChatOpsBot.Runbooks.Engine;
using ChatOpsBot.Runbooks.Evidence;
using ChatOpsBot.Runbooks.Evidence.Instances;
using ChatOpsBot.Runbooks.Evidence.LoadBalancing;
using ChatOpsBot.Runbooks.Http503.Checks;

namespace ChatOpsBot.Runbooks.Http503;

/// <summary>
/// The ProbingInstances step: picks at most <see cref="InstanceProbeOptions.MaxInstances"/> instance targets
/// (unhealthy first, round-robin across Availability Zones), skips those Systems Manager cannot reach, and runs one
/// read-only probe per target group (so each reproduces its own group's health check).
/// </summary>
internal sealed class InstanceProbing(EvidenceSources sources)
{
    /// <summary>What to turn on so that Run Command can reach an instance.</summary>
    public const string EnableSsm = "install and start the SSM agent, attach an instance profile with the AmazonSSMManagedInstanceCore policy, and give the instance a route to Systems Manager (NAT, or VPC interface endpoints for ssm, ssmmessages and ec2messages)";

    public async Task ProbeAsync(Http503Session s, CancellationToken ct)
    {
        var e = s.Evidence;
        var options = s.Request.OnInstance!;
        s.StepTitle = "Checked on the instances through Systems Manager Run Command";
        if (options.Validate() is { } invalid)
        {
            e.InstanceProbes = [];
            s.StepDetail = $"On-instance checks not run: {invalid}";
            s.Suggestions.Add($"On-instance checks were not run: {invalid}");
            return;
        }

        if (sources.Probe is not { } probe)
        {
            e.InstanceProbes = [];
            s.StepDetail = "On-instance checks are not available in this deployment (no SSM probe configured).";
            s.Suggestions.Add("On-instance checks were requested but no SSM probe is configured for this deployment.");
            return;
        }

        var ordered = Candidates(e);
        // GatheringTargets asked SSM about every instance target; null when that failed (SendCommand then says so per instance).
        var managed = e.ManagedInstances;

        var chosen = new List<Candidate>();
        foreach (var c in ordered)
        {
            if (chosen.Count >= options.MaxInstances)
            {
                break;
            }

            var id = c.Target.TargetId;
            var instance = e.Instances?.FirstOrDefault(i => i.InstanceId == id);
            if (instance is not null && instance.StateName != "running")
            {
                e.ProbeSkips.Add(new ProbeSkip(id, ProbeSkipKind.NotRunning, $"the instance is {instance.StateName}, so there is nothing to inspect on it"));
                continue;
            }

            if (managed is not null)
            {
                var m = managed.FirstOrDefault(x => x.InstanceId == id);
                if (m is null)
                {
                    e.ProbeSkips.Add(new ProbeSkip(id, ProbeSkipKind.NotManaged, $"not managed by Systems Manager; to enable on-instance checks, {EnableSsm}"));
                    continue;
                }

                if (m.PingStatus != "Online")
                {
                    e.ProbeSkips.Add(new ProbeSkip(id, ProbeSkipKind.AgentOffline, $"its SSM agent is {m.PingStatus}; Run Command reaches it only when the agent is Online: check the agent is running and the instance can reach Systems Manager (NAT, or VPC endpoints ssm, ssmmessages, ec2messages)"));
                    continue;
                }
            }

            chosen.Add(c);
        }

        var results = new List<ProbedInstance>();
        var requests = chosen.GroupBy(c => c.Group.Arn, StringComparer.Ordinal).Select(g => (Group: g.First().Group, Members: g.ToArray())).ToArray();
        var probes = requests.Select(async r =>
        {
            var request = Request(e, r.Group, r.Members, options);
            IReadOnlyList<InstanceProbeOutcome> outcomes;
            try
            {
                outcomes = await probe.ProbeAsync(request, ct);
            }
            catch (EvidenceException ex)
            {
                s.AddGap("on-instance checks", ex);
                var status = ex.Kind == EvidenceFailureKind.AccessDenied ? InstanceProbeStatus.AccessDenied : InstanceProbeStatus.Failed;
                outcomes = [.. request.Targets.Select(t => new InstanceProbeOutcome(t.InstanceId, status, ex.Message, false, null, ex))];
            }

            return r.Members.Select(m => new ProbedInstance(
                r.Group.Arn,
                m.Zone,
                request,
                outcomes.FirstOrDefault(o => o.InstanceId == m.Target.TargetId)
                    ?? new InstanceProbeOutcome(m.Target.TargetId, InstanceProbeStatus.Failed, "the probe returned no result for this instance", false, null)));
        });
        foreach (var batch in await Task.WhenAll(probes))
        {
            results.AddRange(batch);
        }

        // Each denied call is a gap of its own (AddGap keeps one per action), so the advice names the permission
        // that is actually missing even when another SSM action was denied too.
        foreach (var failure in results.Where(r => r.Outcome.Status == InstanceProbeStatus.AccessDenied).Select(r => r.Outcome.Failure).OfType<EvidenceException>())
        {
            s.AddGap("on-instance checks", failure);
        }

        e.InstanceProbes = results;
        s.StepDetail = $"{results.Count(r => r.Outcome.Status == InstanceProbeStatus.Success)} of {results.Count} probed instances answered"
            + (e.ProbeSkips.Count > 0 ? $", {e.ProbeSkips.Count} skipped" : string.Empty);
    }

    /// <summary>Instance targets of the routed groups in probing order: unhealthy first, each tier round-robin by zone.</summary>
    internal static IReadOnlyList<Candidate> Candidates(Http503Evidence e)
    {
        var all = Http503Topology.InUseTargetGroups(e)
            .Where(tg => tg.TargetType == "instance")
            .SelectMany(tg => Http503Topology.Targets(e, tg).Where(t => !Http503Topology.IsOutOfService(t)).Select(t => new Candidate(tg, t, TargetZones.Zone(e, t))))
            .ToArray();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var ordered = new List<Candidate>();
        foreach (var tier in new[] { all.Where(c => Http503Topology.IsUnhealthy(c.Target)), all.Where(c => !Http503Topology.IsUnhealthy(c.Target)) })
        {
            var byZone = tier.GroupBy(c => c.Zone ?? string.Empty, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => new Queue<Candidate>(g)).ToList();
            while (byZone.Any(q => q.Count > 0))
            {
                foreach (var queue in byZone.Where(q => q.Count > 0))
                {
                    var c = queue.Dequeue();
                    if (seen.Add(c.Target.TargetId))
                    {
                        ordered.Add(c);
                    }
                }
            }
        }

        return ordered;
    }

    private static InstanceProbeRequest Request(Http503Evidence e, TargetGroupDescription tg, Candidate[] members, InstanceProbeOptions options)
    {
        var hc = tg.HealthCheck;
        var port = Http503Topology.HealthCheckPort(tg, members[0].Target) ?? 80;
        var targets = members.Select(m =>
        {
            var ip = e.Instances?.FirstOrDefault(i => i.InstanceId == m.Target.TargetId)?.PrivateIpAddress;
            var hcPort = Http503Topology.HealthCheckPort(tg, m.Target) ?? port;
            return new InstanceProbeTarget(m.Target.TargetId, ip, ip is null ? null : $"{ip}:{Numbers.N(hcPort)}");
        }).ToArray();
        return new InstanceProbeRequest(targets, port, hc.Protocol ?? "HTTP", hc.Path, hc.MatcherHttpCode, TimeSpan.FromSeconds(Math.Max(1, hc.TimeoutSeconds)), options);
    }

    internal sealed record Candidate(TargetGroupDescription Group, TargetHealthDescription Target, string? Zone);
}
