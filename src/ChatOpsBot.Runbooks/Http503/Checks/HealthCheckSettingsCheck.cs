using ChatOpsBot.Runbooks.Causes;
using ChatOpsBot.Runbooks.Evidence.LoadBalancing;
using ChatOpsBot.Runbooks.Findings;
using static ChatOpsBot.Runbooks.Http503.Checks.Numbers;

namespace ChatOpsBot.Runbooks.Http503.Checks;

/// <summary>
/// health-check-misconfigured: compares each failing group's health-check settings with what its targets answer:
/// codes outside the matcher (redirects, 404, auth), a port other than the traffic port where nothing listens,
/// a protocol the target does not speak.
/// </summary>
internal static class HealthCheckSettingsCheck
{
    public static void Run(Http503Session s)
    {
        var e = s.Evidence;
        var lb = e.LoadBalancer!;
        s.StepTitle = "Compared health-check settings with what the targets answer";
        var facts = new List<Fact>();
        Fix? fix = null;
        string? summary = null;
        var anyUnhealthy = false;
        foreach (var tg in Http503Topology.InUseTargetGroups(e))
        {
            var hc = tg.HealthCheck;
            var unhealthy = Http503Topology.Targets(e, tg).Where(Http503Topology.IsUnhealthy).ToArray();
            if (unhealthy.Length == 0)
            {
                continue;
            }

            anyUnhealthy = true;
            var settings = $"{hc.Protocol ?? "?"} {hc.Path ?? string.Empty} port {hc.Port}, matcher {hc.MatcherHttpCode ?? hc.MatcherGrpcCode ?? "-"}, timeout {N(hc.TimeoutSeconds)} s every {N(hc.IntervalSeconds)} s, unhealthy after {N(hc.UnhealthyThreshold)}";
            var codes = unhealthy.SelectMany(Http503Topology.FailedCodes).Distinct().Order().ToArray();
            var rejected = codes.Where(c => !Http503Topology.MatcherAccepts(hc.MatcherHttpCode, c)).ToArray();
            var pathOpen = s.PathResults.Where(r => r.TargetGroupArn == tg.Arn && r.Purpose == "health check").All(r => r.Verdict.Allowed);
            var hcPort = Http503Topology.HealthCheckPort(tg, unhealthy[0]);
            var trafficPort = Http503Topology.TrafficPort(tg, unhealthy[0]);

            string? problem = null;
            Fix? groupFix = null;
            if (hc.MatcherGrpcCode is null && rejected.Length > 0 && rejected.All(c => c < 500))
            {
                var kinds = rejected.Select(Classify).Distinct().ToArray();
                problem = $"{tg.Name}'s health check {hc.Protocol} {hc.Path} gets {string.Join(", ", rejected)} ({string.Join("; ", kinds)}) but its matcher accepts only {hc.MatcherHttpCode ?? "200"}";
                groupFix = rejected.All(c => c is >= 200 and < 300)
                    ? new Fix(
                        $"Accept the success code the application answers ({string.Join(",", rejected)}) in {tg.Name}'s matcher.",
                        AcceptCodesCommand(lb, tg, rejected),
                        "The application is up and answers its health path with a success code the matcher does not list; adding it lets the checks pass.")
                    : rejected.All(c => c is >= 300 and < 400)
                        ? new Fix(
                            $"Best: exempt {hc.Path ?? "/"} from the redirect in the application (or the web server), so it answers 200 over plain HTTP. Until then, accept the exact redirect code seen ({string.Join(",", rejected)}) in {tg.Name}'s matcher.",
                            AcceptCodesCommand(lb, tg, rejected),
                            "A redirect (often HTTP to HTTPS, or a missing trailing slash) shows the application is running, but the load balancer never follows it, so a matcher without that code fails every check. Accepting only the code seen keeps a broken application (5xx) failing its checks.")
                        : new Fix(
                            $"Set {tg.Name}'s health-check path to one the application serves, without authentication, to any Host header (it answers {string.Join(", ", rejected)} on {hc.Path}); replace <path-that-answers-200> in the command.",
                            PathCommand(lb, tg),
                            $"The checks reach the application but ask for a path it refuses ({string.Join("; ", kinds)}); the health check sends Host: <target-ip>:<port> and no credentials, so the path must answer 200 to exactly that.");
            }
            else if (hcPort is { } hp && trafficPort is { } tp && hp != tp && pathOpen
                && unhealthy.All(t => t.Reason is "Target.FailedHealthChecks" or "Target.Timeout"))
            {
                problem = $"{tg.Name} sends health checks to port {N(hp)} but traffic to port {N(tp)}, and the targets do not answer on {N(hp)} ({string.Join(", ", unhealthy.Select(t => t.Reason).Distinct())}) although the network allows it";
                groupFix = new Fix(
                    $"Send {tg.Name}'s health checks to the traffic port.",
                    AwsCli.Command(lb.Region, ["elbv2", "modify-target-group"], ("target-group-arn", tg.Arn), ("health-check-port", "traffic-port")),
                    $"The application listens on {N(tp)}; nothing answers on {N(hp)}, so every check fails while real requests would succeed.");
            }
            else if (ProtocolMismatch(tg) is { } mismatch && unhealthy.All(t => t.Reason is "Target.FailedHealthChecks" or "Target.Timeout"))
            {
                problem = $"{tg.Name} checks health over {hc.Protocol} but serves {tg.Protocol}: {mismatch}";
                groupFix = new Fix(
                    $"Check health over the protocol the targets speak ({tg.Protocol}).",
                    AwsCli.Command(lb.Region, ["elbv2", "modify-target-group"], ("target-group-arn", tg.Arn), ("health-check-protocol", tg.Protocol ?? "HTTP")),
                    "A TLS handshake against a plain-HTTP port (or plain HTTP against a TLS port) fails before any response, which ELB reports as a failed check.");
            }

            facts.Add(Fact.Of("elasticloadbalancing:DescribeTargetGroups", $"{tg.Name} health check: {settings}.", tg.Arn));
            if (codes.Length > 0)
            {
                facts.Add(Fact.Of("elasticloadbalancing:DescribeTargetHealth", $"{tg.Name} targets answered the health check with {string.Join(", ", codes)}.", tg.Arn));
            }

            if (problem is not null)
            {
                summary ??= problem + ".";
                fix ??= groupFix;
            }
        }

        if (summary is not null)
        {
            s.Record(new CauseFinding(CauseId.HealthCheckMisconfigured, CauseStatus.Confirmed, summary, facts, fix));
        }
        else if (Unread(e) is { Length: > 0 } unread)
        {
            var gap = s.GapSentence("elasticloadbalancing:DescribeTargetHealth") ?? "target health could not be read";
            s.Record(new CauseFinding(CauseId.HealthCheckMisconfigured, CauseStatus.Inconclusive, $"Could not compare the health-check settings of {unread} with what the targets answer: {gap}.", facts, null));
        }
        else if (!anyUnhealthy)
        {
            s.Record(new CauseFinding(CauseId.HealthCheckMisconfigured, CauseStatus.RuledOut, "Health checks pass with the current settings.", facts, null));
        }
        else
        {
            var fields = Http503Topology.InUseTargetGroups(e).Any(tg => tg.HealthCheck.Protocol is "HTTP" or "HTTPS" or "GRPC") ? "path, port, protocol and matcher" : "port and protocol";
            s.Record(new CauseFinding(CauseId.HealthCheckMisconfigured, CauseStatus.RuledOut, $"The failing checks are not explained by their settings: the {fields} fit what the targets serve.", facts, null));
        }

        s.StepDetail = s.Findings[CauseId.HealthCheckMisconfigured].Summary;
    }

    /// <summary>Routed groups whose target health could not be read, as a list of names, or empty.</summary>
    internal static string Unread(Http503Evidence e) =>
        string.Join(", ", Http503Topology.InUseTargetGroups(e).Where(tg => !e.TargetHealth.ContainsKey(tg.Arn)).Select(tg => tg.Name));

    private static string Classify(int code) => code switch
    {
        301 or 302 or 303 or 307 or 308 => "a redirect",
        401 or 403 => "the path requires authentication",
        404 => "the path does not exist",
        400 or 421 => "the application rejects the Host header the health check sends (the target's IP)",
        >= 200 and < 300 => "a success code the matcher does not list",
        _ => $"HTTP {code}",
    };

    private static string? ProtocolMismatch(TargetGroupDescription tg) =>
        (tg.HealthCheck.Protocol, tg.Protocol) switch
        {
            ("HTTPS", "HTTP") => "a TLS handshake against a plain-HTTP port fails",
            ("HTTP", "HTTPS") => "plain HTTP against a TLS port fails",
            ("HTTPS", "TCP") or ("HTTPS", "UDP") => "a TLS check against a plain TCP port fails",
            _ => null,
        };

    /// <summary>Adds <paramref name="codes"/> to the target group's matcher (keeping what it accepts now).</summary>
    internal static string AcceptCodesCommand(LoadBalancerDescription lb, TargetGroupDescription tg, IEnumerable<int> codes) =>
        AwsCli.Command(lb.Region, ["elbv2", "modify-target-group"], ("target-group-arn", tg.Arn), ("matcher", $"HttpCode={tg.HealthCheck.MatcherHttpCode ?? "200"},{string.Join(",", codes)}"));

    /// <summary>Points the health check at a path the operator fills in (the placeholder names what it must do).</summary>
    internal static string PathCommand(LoadBalancerDescription lb, TargetGroupDescription tg) =>
        AwsCli.Command(lb.Region, ["elbv2", "modify-target-group"], ("target-group-arn", tg.Arn), ("health-check-path", "<path-that-answers-200>"));
}
