using ChatOpsBot.Runbooks.Causes;
using ChatOpsBot.Runbooks.Evidence.Instances;
using ChatOpsBot.Runbooks.Evidence.LoadBalancing;
using ChatOpsBot.Runbooks.Findings;
using static ChatOpsBot.Runbooks.Http503.Checks.Numbers;

namespace ChatOpsBot.Runbooks.Http503.Checks;

/// <summary>
/// Judges what the instances themselves showed (the SSM probe) and sharpens the causes the load balancer's APIs
/// can only suspect: a stopped service or a closed port (unhealthy-targets: crashed), a port bound to 127.0.0.1
/// (unhealthy-targets: wrong bind address), a local answer outside the matcher (health-check-misconfigured), a local
/// answer slower than the timeout (health-check-timeout), a dependency that does not resolve on the instance (dns),
/// and a healthy local answer although the load balancer disagrees (the network path).
/// </summary>
internal static class OnInstanceCheck
{
    public const string Source = "ssm:SendCommand";

    public static void Run(Http503Session s)
    {
        var e = s.Evidence;
        var lb = e.LoadBalancer!;
        s.StepTitle = "Judged what the instances themselves show";
        var general = new List<Fact>();
        foreach (var skip in e.ProbeSkips)
        {
            general.Add(Fact.Of(Source, $"{skip.InstanceId} was not checked on the host: {skip.Reason}.", skip.InstanceId));
        }

        if (e.ProbeSkips.Where(k => k.SsmUnreachable).Select(k => k.InstanceId).Take(5).ToArray() is { Length: > 0 } unreachable)
        {
            s.Suggestions.Add($"To run on-instance checks on {string.Join(", ", unreachable)}: {InstanceProbing.EnableSsm}.");
        }

        var crashed = new List<ProbedInstance>();
        var loopback = new List<ProbedInstance>();
        var wrongCode = new List<(ProbedInstance P, int Code)>();
        var failing5xx = new List<(ProbedInstance P, int Code)>();
        var slow = new List<ProbedInstance>();
        var unresolved = new List<(ProbedInstance P, string Host)>();
        var healthyLocally = new List<ProbedInstance>();
        foreach (var p in e.InstanceProbes ?? [])
        {
            var o = p.Outcome;
            if (o.Status != InstanceProbeStatus.Success || o.Facts is not { } f)
            {
                general.Add(Fact.Of(Source, $"{o.InstanceId}: on-instance check {Describe(o)}{(o.Detail is null ? "" : ": " + o.Detail)}.", o.InstanceId));
                continue;
            }

            general.Add(Fact.Of(Source, Summary(p, f), o.InstanceId));
            if (o.OutputTruncated)
            {
                general.Add(Fact.Of(Source, $"{o.InstanceId}: Systems Manager returned only the first 24,000 characters of the output; later facts (log lines) may be missing.", o.InstanceId));
            }

            foreach (var line in f.LogLines.TakeLast(5))
            {
                general.Add(Fact.Of(Source, $"{o.InstanceId} log: {line}", o.InstanceId));
            }

            var tg = Group(e, p);
            var unhealthy = IsUnhealthyAtLb(e, p);
            if (f.ServiceState is "failed" or "inactive" || f.Listening == ListeningState.None)
            {
                crashed.Add(p);
            }
            else if (f.Listening == ListeningState.LoopbackOnly)
            {
                loopback.Add(p);
            }
            else if (f.Http is { StatusCode: { } code } && tg is not null && !Http503Topology.MatcherAccepts(p.Request.Matcher, code))
            {
                if (code >= 500)
                {
                    failing5xx.Add((p, code));
                }
                else
                {
                    wrongCode.Add((p, code));
                }
            }
            else if (f.Http is { } h && (h.TimedOut || h.ElapsedMilliseconds > p.Request.HealthCheckTimeout.TotalMilliseconds))
            {
                slow.Add(p);
            }
            else if (unhealthy && f.Listening is ListeningState.AllInterfaces or ListeningState.SpecificAddress
                && (f.Http is { StatusCode: not null } || p.Request.HealthCheckProtocol is not ("HTTP" or "HTTPS")))
            {
                healthyLocally.Add(p);
            }

            unresolved.AddRange(f.Dependencies.Where(d => d.Unresolved).Select(d => (p, d.Host)));
        }

        var region = lb.Region;
        var unit = s.Request.OnInstance?.ServiceName;
        if (crashed.Count > 0 || loopback.Count > 0 || failing5xx.Count > 0)
        {
            var parts = new List<string>();
            Fix fix;
            if (loopback.Count > 0)
            {
                var port = loopback[0].Request.Port;
                parts.Add($"on {Ids(loopback)} the application listens on {string.Join(", ", loopback[0].Outcome.Facts!.ListenAddresses.Take(2))} only (loopback), so the load balancer's connections to port {N(port)} are refused: a wrong bind address");
                fix = new Fix(
                    $"Make the application bind 0.0.0.0:{N(port)} (all interfaces) instead of 127.0.0.1 (for example server.address=0.0.0.0, --host 0.0.0.0, ASPNETCORE_URLS=http://0.0.0.0:{N(port)}, or the listen directive), then restart it{(unit is null ? "" : $" ({unit})")}. The command checks where it listens afterwards.",
                    SendCommand(region, Ids(loopback, ' ').Split(' '), unit is null ? [$"ss -ltn 'sport = :{N(port)}'"] : [$"systemctl restart {unit}", $"ss -ltn 'sport = :{N(port)}'"]),
                    "A socket bound to 127.0.0.1 accepts connections only from the instance itself; the load balancer connects to the instance's private IP, so every health check is refused although the application runs.");
            }
            else if (crashed.Count > 0)
            {
                var port = crashed[0].Request.Port;
                var states = crashed.Select(p => p.Outcome.Facts!).ToArray();
                parts.Add($"on {Ids(crashed)} {(states.Any(f => f.ServiceState is "failed" or "inactive") ? $"the service is {string.Join("/", states.Select(f => f.ServiceState).OfType<string>().Distinct())} and " : "")}nothing listens on port {N(port)}: the application is not running (crashed or never started)");
                fix = new Fix(
                    unit is null
                        ? $"Start the application on {Ids(crashed)} (nothing listens on port {N(port)}); read its log for why it stopped."
                        : $"Restart {unit} on {Ids(crashed)}, then find why it stopped in its journal (the last lines are in the evidence).",
                    SendCommand(region, crashed.Select(p => p.Outcome.InstanceId).ToArray(), unit is null ? [$"ss -ltn 'sport = :{N(port)}'"] : [$"systemctl restart {unit}", $"systemctl is-active {unit}", $"ss -ltn 'sport = :{N(port)}'"]),
                    "With no process listening, every health check and every request is refused; the targets return to service once the application listens again and passes the healthy threshold.");
            }
            else
            {
                var (p, code) = failing5xx[0];
                parts.Add($"on {string.Join(", ", failing5xx.Select(x => x.P.Outcome.InstanceId).Distinct())} the application answers its own health path {p.Request.HealthCheckPath ?? "/"} with {N(code)} locally: it is running but failing");
                fix = new Fix(
                    $"Repair the application on {string.Join(", ", failing5xx.Select(x => x.P.Outcome.InstanceId).Distinct())}: its health endpoint answers {N(code)} even from the instance itself; the log lines in the evidence show why.",
                    SendCommand(region, failing5xx.Select(x => x.P.Outcome.InstanceId).Distinct().ToArray(), unit is null ? ["uptime"] : [$"journalctl -u {unit} --no-pager -n 100"]),
                    "The load balancer only repeats what the application says: a 5xx from the health path locally means the application (or something it depends on) is broken, not the health-check settings.");
            }

            if (crashed.Count > 0 && loopback.Count > 0)
            {
                parts.Add($"on {Ids(crashed)} nothing listens at all");
            }

            var skipped = general.Where(f => e.ProbeSkips.Any(k => f.Resources.Contains(k.InstanceId)));
            Upgrade(s, CauseId.UnhealthyTargets, "On the instances: " + string.Join("; ", parts) + ".", [.. Facts(general, crashed.Concat(loopback).Concat(failing5xx.Select(x => x.P))), .. skipped], fix);
        }

        if (wrongCode.Count > 0)
        {
            var (p, code) = wrongCode[0];
            var tg = Group(e, p)!;
            Upgrade(s, CauseId.HealthCheckMisconfigured,
                $"Asked locally the way the load balancer asks (Host: {p.Outcome.Facts!.Http!.HostHeader ?? "<private-ip>:<port>"}, {p.Request.HealthCheckPath ?? "/"}), {Ids(wrongCode.Select(x => x.P).ToList())} answer{(wrongCode.Count == 1 ? "s" : "")} {string.Join(", ", wrongCode.Select(x => N(x.Code)).Distinct())} while the port listens; {tg.Name}'s matcher accepts only {p.Request.Matcher ?? "200"}.",
                Facts(general, wrongCode.Select(x => x.P)),
                MatcherOrPathFix(lb, tg, code));
        }

        if (slow.Count > 0)
        {
            var p = slow[0];
            var tg = Group(e, p)!;
            var took = p.Outcome.Facts!.Http!;
            Upgrade(s, CauseId.HealthCheckTimeout,
                $"On {Ids(slow)} the health path {p.Request.HealthCheckPath ?? "/"} {(took.TimedOut ? "did not answer" : $"took {N(took.ElapsedMilliseconds ?? 0)} ms")} locally, beyond the {N(tg.HealthCheck.TimeoutSeconds)} s health-check timeout of {tg.Name}.",
                Facts(general, slow),
                new Fix(
                    $"Make {p.Request.HealthCheckPath ?? "/"} answer fast (no database or downstream calls), or give {tg.Name}'s health check more time.",
                    HealthCheckTimeoutCheck.LongerTimeout(lb, tg, took.ElapsedMilliseconds / 1000.0).Command,
                    "Even from the instance itself the health path is slower than the timeout, so the load balancer counts every check as failed; the network is not involved."));
        }

        if (unresolved.Count > 0)
        {
            var hosts = unresolved.Select(u => u.Host).Distinct(StringComparer.OrdinalIgnoreCase).ToArray();
            var on = unresolved.Select(u => u.P).DistinctBy(p => p.Outcome.InstanceId).ToList();
            Upgrade(s, CauseId.Dns,
                $"On {Ids(on)} the dependency {string.Join(", ", hosts)} does not resolve (getent hosts): the application cannot reach what it needs by name"
                    + (on.Any(p => IsUnhealthyAtLb(e, p)) ? ", which makes its health checks fail (unhealthy-targets is the symptom)." : "."),
                Facts(general, on),
                new Fix(
                    $"Make {hosts[0]} resolvable from the instances: create the record, or associate the private hosted zone that holds it with {lb.VpcId}; check the resolver in /etc/resolv.conf on the instance.",
                    AwsCli.Command(region, ["route53", "list-hosted-zones-by-vpc"], ("vpc-id", lb.VpcId), ("vpc-region", region)),
                    "The instance asks the VPC resolver; a name in a private hosted zone resolves only in the VPCs associated with that zone, and a missing or misspelt record fails the same way. This lists the private zones the VPC can see."));
        }

        if (healthyLocally.Count > 0)
        {
            var text = $"On {Ids(healthyLocally)} the application listens on all interfaces and answers its health check locally as the matcher expects, yet the load balancer marks {(healthyLocally.Count == 1 ? "it" : "them")} unhealthy: the checks are lost on the network path (security groups, network ACLs, or a host firewall such as iptables/firewalld/nftables).";
            if (s.Findings.TryGetValue(CauseId.NetworkBlocked, out var net) && net.Status == CauseStatus.Confirmed)
            {
                s.Record(net with { Evidence = [.. net.Evidence, .. Facts(general, healthyLocally)] });
            }
            else
            {
                var port = healthyLocally[0].Request.Port;
                s.Record(new CauseFinding(
                    CauseId.NetworkBlocked,
                    CauseStatus.Inconclusive,
                    text + (net?.Status == CauseStatus.RuledOut ? " Security groups and network ACLs allow the checks, so look at the host firewall." : string.Empty),
                    [.. net?.Evidence ?? [], .. Facts(general, healthyLocally)],
                    new Fix(
                        $"List the host firewall rules for port {N(port)} on {Ids(healthyLocally)} (read-only).",
                        SendCommand(region, healthyLocally.Select(p => p.Outcome.InstanceId).ToArray(), ["iptables -S 2>/dev/null || nft list ruleset 2>/dev/null"]),
                        "The application is healthy from the inside; what differs for the load balancer is the path from its nodes to the instance, and a host firewall is invisible to the AWS APIs.")));
            }
        }

        // Everything the probe saw is evidence about the targets, whatever else it sharpened.
        if (s.Findings.TryGetValue(CauseId.UnhealthyTargets, out var ut))
        {
            var missing = general.Where(f => !ut.Evidence.Contains(f)).ToArray();
            s.Record(ut with { Evidence = [.. ut.Evidence, .. missing] });
        }

        var probes = e.InstanceProbes ?? [];
        s.StepDetail = $"{probes.Count(p => p.Outcome.Status == InstanceProbeStatus.Success)} instances answered: {crashed.Count} not running, {loopback.Count} loopback-only, {wrongCode.Count} wrong code, {slow.Count} slow, {unresolved.Count} unresolved dependencies";
    }

    private static void Upgrade(Http503Session s, CauseId cause, string summary, IReadOnlyList<Fact> facts, Fix fix)
    {
        if (s.Findings.TryGetValue(cause, out var existing) && existing.Status == CauseStatus.Confirmed)
        {
            s.Record(existing with { Summary = summary + " " + existing.Summary, Evidence = [.. facts, .. existing.Evidence], Fix = fix });
        }
        else
        {
            s.Record(new CauseFinding(cause, CauseStatus.Confirmed, summary, [.. facts, .. existing?.Evidence ?? []], fix));
        }
    }

    private static List<Fact> Facts(List<Fact> general, IEnumerable<ProbedInstance> about)
    {
        var ids = about.Select(p => p.Outcome.InstanceId).ToHashSet(StringComparer.Ordinal);
        return [.. general.Where(f => f.Resources.Any(ids.Contains))];
    }

    private static string Summary(ProbedInstance p, InstanceFacts f)
    {
        var parts = new List<string>();
        if (f.ServiceState is { } state)
        {
            parts.Add($"service {state}");
        }

        parts.Add(f.Listening switch
        {
            ListeningState.None => $"nothing listens on port {N(p.Request.Port)}",
            ListeningState.Unknown => "listening sockets unknown (neither ss nor netstat)",
            _ => $"port {N(p.Request.Port)} listens on {string.Join(", ", f.ListenAddresses.Take(4))}",
        });
        if (f.Http is { NotAsked: true })
        {
            parts.Add($"health path {p.Request.HealthCheckPath ?? "/"} not asked (neither curl nor wget on the instance)");
        }
        else if (f.Http is { } h)
        {
            var target = $"{(p.Request.HealthCheckProtocol == "HTTPS" ? "https" : "http")}://127.0.0.1:{N(p.Request.Port)}{p.Request.HealthCheckPath ?? "/"} with Host: {h.HostHeader ?? "-"}";
            parts.Add(h.StatusCode is { } c
                ? $"{target} answered {N(c)}{(h.ElapsedMilliseconds is { } ms ? $" in {N(ms)} ms" : "")}"
                : $"{target} got no answer ({h.Error ?? "error"}{(h.ElapsedMilliseconds is { } ms2 ? $" after {N(ms2)} ms" : "")})");
        }

        foreach (var d in f.Dependencies)
        {
            parts.Add(!d.Known ? $"{d.Host} not checked (no getent on the instance)"
                : d.Resolves ? $"{d.Host} resolves ({string.Join(", ", d.Addresses.Take(3))})" : $"{d.Host} does not resolve");
        }

        if (f.LogUnreadable)
        {
            parts.Add($"the log file {p.Request.Options.LogPath} is missing or unreadable, so no log lines");
        }

        return $"{p.Outcome.InstanceId}{(p.AvailabilityZone is null ? "" : " in " + p.AvailabilityZone)}: {string.Join("; ", parts)}.";
    }

    private static string Describe(InstanceProbeOutcome outcome) => outcome.Status switch
    {
        InstanceProbeStatus.NotManaged => "not possible: the instance is not managed by Systems Manager (" + InstanceProbing.EnableSsm + ")",
        InstanceProbeStatus.Undeliverable => "not delivered: the SSM agent did not receive the command",
        InstanceProbeStatus.TimedOut => "timed out",
        InstanceProbeStatus.AccessDenied => $"denied: the bot's role lacks {outcome.Failure?.IamAction ?? "ssm:SendCommand or ssm:GetCommandInvocation"}",
        _ => "failed",
    };

    private static TargetGroupDescription? Group(Http503Evidence e, ProbedInstance p) =>
        e.TargetGroups?.FirstOrDefault(tg => tg.Arn == p.TargetGroupArn);

    private static bool IsUnhealthyAtLb(Http503Evidence e, ProbedInstance p) =>
        e.TargetHealth.TryGetValue(p.TargetGroupArn, out var targets) && targets.Any(t => t.TargetId == p.Outcome.InstanceId && Http503Topology.IsUnhealthy(t));

    private static string Ids(IReadOnlyCollection<ProbedInstance> ps, char separator = ',') =>
        string.Join(separator == ',' ? ", " : " ", ps.Select(p => p.Outcome.InstanceId).Distinct(StringComparer.Ordinal));

    private static string SendCommand(string region, string[] instanceIds, string[] commands) =>
        AwsCli.RunShellScript(region, instanceIds, "chatopsbot 503 follow-up", commands);

    private static Fix MatcherOrPathFix(LoadBalancerDescription lb, TargetGroupDescription tg, int code) => code switch
    {
        >= 200 and < 400 => new Fix(
            $"Accept {N(code)} in {tg.Name}'s matcher (the application answers it to the health check's exact request), or make {tg.HealthCheck.Path ?? "/"} answer {tg.HealthCheck.MatcherHttpCode ?? "200"}.",
            HealthCheckSettingsCheck.AcceptCodesCommand(lb, tg, [code]),
            "The application is up and answers the health check's request with a code the matcher does not list; the load balancer never follows redirects."),
        400 or 421 => new Fix(
            $"Let the application answer {tg.HealthCheck.Path ?? "/"} for any Host header (the health check sends Host: <private-ip>:<port>), or point the check at a path that does.",
            HealthCheckSettingsCheck.PathCommand(lb, tg),
            $"It answers {N(code)} to the health check's Host header (the target's IP), typically an allowed-hosts list; real requests carry the site's name and pass, health checks do not."),
        _ => new Fix(
            $"Point {tg.Name}'s health check at a path the application serves without authentication (it answers {N(code)} on {tg.HealthCheck.Path ?? "/"}).",
            HealthCheckSettingsCheck.PathCommand(lb, tg),
            "The health check sends no credentials and the target's IP as Host; the path must answer the matcher's code to exactly that request."),
    };
}
