using System.Xml.Linq;
using ChatOpsBot.Simulator.Hosting;
using ChatOpsBot.Simulator.Scenarios;
using static ChatOpsBot.Simulator.Hosting.XmlText;

namespace ChatOpsBot.Simulator.Elbv2;

/// <summary>Elastic Load Balancing v2 (2015-12-01, awsQuery): the Describe* calls a 503 diagnosis needs.</summary>
internal sealed class Elbv2Api(ScenarioIndex index) : IAwsApi
{
    private static readonly XNamespace Ns = "http://elasticloadbalancing.amazonaws.com/doc/2015-12-01/";

    public string SigningName => "elasticloadbalancing";

    public string ServiceName => "elasticloadbalancing";

    public AwsProtocol Protocol => AwsProtocol.Query;

    public XNamespace XmlNamespace => Ns;

    private Scenario Scenario => index.Scenario;

    public AwsResponse Handle(AwsRequest request) => request.Action switch
    {
        "DescribeLoadBalancers" => DescribeLoadBalancers(request),
        "DescribeListeners" => DescribeListeners(request),
        "DescribeRules" => DescribeRules(request),
        "DescribeTargetGroups" => DescribeTargetGroups(request),
        "DescribeTargetHealth" => DescribeTargetHealth(request),
        "DescribeTargetGroupAttributes" => DescribeTargetGroupAttributes(request),
        "DescribeLoadBalancerAttributes" => DescribeLoadBalancerAttributes(request),
        "DescribeCapacityReservation" => DescribeCapacityReservation(request),
        _ => throw new AwsErrorException("InvalidAction", $"Could not find operation {request.Action} for version 2015-12-01"),
    };

    private static XElement E(string name, params object?[] content) => new(Ns + name, content);

    private static XElement? Opt(string name, object? value) => Optional(Ns + name, value);

    private static XElement Members(string name, IEnumerable<object> items) =>
        E(name, items.Select(i => i is XElement x && x.Name == Ns + "member" ? x : E("member", i)));

    private static AwsResponse Respond(AwsRequest request, params object?[] result) => AwsResponse.Xml(Document(
        E(request.Action + "Response",
            E(request.Action + "Result", result),
            E("ResponseMetadata", E("RequestId", request.RequestId)))));

    private (IReadOnlyList<T> Page, string? Next) Page<T>(AwsRequest request, IReadOnlyList<T> all)
    {
        var pageSize = request.Form.GetInt("PageSize");
        if (pageSize is < 1 or > 400)
        {
            throw new AwsErrorException("ValidationError", "1 validation error detected: Value at 'pageSize' failed to satisfy constraint: Member must have value between 1 and 400");
        }

        return Paging.Page(all, pageSize, Scenario.PageSize, request.Form.Get("Marker"), "ValidationError");
    }

    private AwsResponse DescribeLoadBalancers(AwsRequest request)
    {
        var names = request.Form.Members("Names");
        var arns = request.Form.Members("LoadBalancerArns");
        IReadOnlyList<ScenarioLoadBalancer> selected = Scenario.LoadBalancers;
        if (names.Count > 0)
        {
            var missing = names.Where(n => Scenario.LoadBalancers.All(lb => lb.Name != n)).ToArray();
            if (missing.Length > 0)
            {
                throw new AwsErrorException("LoadBalancerNotFound", $"Load balancers '[{string.Join(", ", missing)}]' not found");
            }

            selected = [.. Scenario.LoadBalancers.Where(lb => names.Contains(lb.Name))];
        }
        else if (arns.Count > 0)
        {
            var missing = arns.Where(a => Scenario.LoadBalancers.All(lb => lb.Arn != a)).ToArray();
            if (missing.Length > 0)
            {
                throw new AwsErrorException("LoadBalancerNotFound", $"Load balancers '[{string.Join(", ", missing)}]' not found");
            }

            selected = [.. Scenario.LoadBalancers.Where(lb => arns.Contains(lb.Arn))];
        }

        var (page, next) = Page(request, selected);
        return Respond(request, Members("LoadBalancers", page.Select(LoadBalancer)), Opt("NextMarker", next));
    }

    private static XElement LoadBalancer(ScenarioLoadBalancer lb) => E("member",
        E("LoadBalancerArn", lb.Arn),
        E("DNSName", lb.DnsName),
        E("CanonicalHostedZoneId", lb.CanonicalHostedZoneId),
        E("CreatedTime", Time(lb.CreatedTime)),
        E("LoadBalancerName", lb.Name),
        E("Scheme", lb.Scheme),
        E("VpcId", lb.VpcId),
        E("State", E("Code", lb.State.Code), Opt("Reason", lb.State.Reason)),
        E("Type", lb.Type),
        Members("AvailabilityZones", lb.AvailabilityZones.Select(z => E("member",
            E("ZoneName", z.ZoneName),
            E("SubnetId", z.SubnetId),
            z.LoadBalancerAddresses.Count == 0 ? null : Members("LoadBalancerAddresses", z.LoadBalancerAddresses.Select(a => E("member",
                Opt("IpAddress", a.IpAddress),
                Opt("AllocationId", a.AllocationId),
                Opt("PrivateIPv4Address", a.PrivateIPv4Address),
                Opt("IPv6Address", a.IPv6Address))))))),
        lb.Type == "gateway" || (lb.Type == "network" && lb.SecurityGroups.Count == 0) ? null : Members("SecurityGroups", lb.SecurityGroups),
        E("IpAddressType", lb.IpAddressType));

    private AwsResponse DescribeListeners(AwsRequest request)
    {
        var lbArn = request.Form.Get("LoadBalancerArn");
        var listenerArns = request.Form.Members("ListenerArns");
        IReadOnlyList<(ScenarioLoadBalancer Lb, ScenarioListener Listener)> selected;
        if (!string.IsNullOrEmpty(lbArn))
        {
            var lb = Scenario.LoadBalancers.FirstOrDefault(l => l.Arn == lbArn)
                ?? throw new AwsErrorException("LoadBalancerNotFound", $"Load balancer '{lbArn}' not found");
            selected = [.. lb.Listeners.Select(l => (lb, l))];
        }
        else if (listenerArns.Count > 0)
        {
            selected = [.. listenerArns.Select(a => index.ListenersByArn.TryGetValue(a, out var found)
                ? found
                : throw new AwsErrorException("ListenerNotFound", $"One or more listeners not found"))];
        }
        else
        {
            throw new AwsErrorException("ValidationError", "You must specify either listener ARNs or a load balancer ARN");
        }

        var (page, next) = Page(request, selected);
        return Respond(request,
            Members("Listeners", page.Select(x => E("member",
                E("ListenerArn", x.Listener.Arn),
                E("LoadBalancerArn", x.Lb.Arn),
                E("Port", Number(x.Listener.Port)),
                E("Protocol", x.Listener.Protocol),
                x.Listener.Certificates.Count == 0 ? null : Members("Certificates", x.Listener.Certificates.Select(c => E("member", E("CertificateArn", c)))),
                Opt("SslPolicy", x.Listener.SslPolicy),
                x.Listener.AlpnPolicy.Count == 0 ? null : Members("AlpnPolicy", x.Listener.AlpnPolicy),
                Actions("DefaultActions", x.Listener.DefaultActions)))),
            Opt("NextMarker", next));
    }

    private XElement Actions(string name, IReadOnlyList<ScenarioAction> actions) =>
        Members(name, actions.Select((a, i) => Action(a, actions.Count > 1 ? a.Order ?? i + 1 : a.Order)));

    private XElement Action(ScenarioAction action, int? order)
    {
        var forward = index.ForwardTargets(action).ToArray();
        return E("member",
            E("Type", action.Type),
            action.Type == "forward" && forward.Length == 1 ? E("TargetGroupArn", forward[0].Arn) : null,
            action.Type == "forward" && forward.Length > 0
                ? E("ForwardConfig",
                    Members("TargetGroups", forward.Select(t => E("member", E("TargetGroupArn", t.Arn), Opt("Weight", t.Weight?.ToString(System.Globalization.CultureInfo.InvariantCulture))))),
                    E("TargetGroupStickinessConfig",
                        E("Enabled", Bool(action.ForwardConfig?.StickinessEnabled ?? false)),
                        Opt("DurationSeconds", action.ForwardConfig?.StickinessDurationSeconds?.ToString(System.Globalization.CultureInfo.InvariantCulture))))
                : null,
            action.FixedResponseConfig is { } fixedResponse
                ? E("FixedResponseConfig",
                    E("StatusCode", fixedResponse.StatusCode),
                    Opt("ContentType", fixedResponse.ContentType),
                    Opt("MessageBody", fixedResponse.MessageBody))
                : null,
            action.RedirectConfig is { } redirect
                ? E("RedirectConfig",
                    E("Protocol", redirect.Protocol),
                    E("Port", redirect.Port),
                    E("Host", redirect.Host),
                    E("Path", redirect.Path),
                    E("Query", redirect.Query),
                    E("StatusCode", redirect.StatusCode))
                : null,
            Opt("Order", order?.ToString(System.Globalization.CultureInfo.InvariantCulture)));
    }

    private AwsResponse DescribeRules(AwsRequest request)
    {
        var listenerArn = request.Form.Get("ListenerArn");
        var ruleArns = request.Form.Members("RuleArns");
        var all = index.ListenersByArn.Values.SelectMany(x => RulesOf(x.Listener)).ToArray();
        IReadOnlyList<(string ListenerArn, ScenarioRule Rule, bool IsDefault)> selected;
        if (!string.IsNullOrEmpty(listenerArn))
        {
            if (!index.ListenersByArn.TryGetValue(listenerArn, out var found))
            {
                throw new AwsErrorException("ListenerNotFound", $"Listener '{listenerArn}' not found");
            }

            selected = [.. RulesOf(found.Listener)];
        }
        else if (ruleArns.Count > 0)
        {
            selected = [.. ruleArns.Select(a => all.FirstOrDefault(r => r.Rule.Arn == a) is { Rule: not null } r
                ? r
                : throw new AwsErrorException("RuleNotFound", "One or more rules not found"))];
        }
        else
        {
            throw new AwsErrorException("ValidationError", "You must specify either listener rule ARNs or a listener ARN");
        }

        var (page, next) = Page(request, selected);
        return Respond(request,
            Members("Rules", page.Select(r => E("member",
                E("RuleArn", r.Rule.Arn),
                E("Priority", r.Rule.Priority),
                Members("Conditions", r.Rule.Conditions.Select(Condition)),
                Actions("Actions", r.Rule.Actions),
                E("IsDefault", Bool(r.IsDefault))))),
            Opt("NextMarker", next));
    }

    private static IEnumerable<(string ListenerArn, ScenarioRule Rule, bool IsDefault)> RulesOf(ScenarioListener listener) =>
        listener.Rules
            .OrderBy(r => int.TryParse(r.Priority, out var p) ? p : int.MaxValue)
            .Select(r => (listener.Arn, r, false))
            .Append((listener.Arn, new ScenarioRule
            {
                Arn = ScenarioIndex.DefaultRuleArn(listener.Arn),
                Priority = "default",
                Actions = listener.DefaultActions,
            }, true));

    private static XElement Condition(ScenarioRuleCondition condition)
    {
        var values = Members("Values", condition.Values);
        var config = condition.Field switch
        {
            "path-pattern" => E("PathPatternConfig", Members("Values", condition.Values)),
            "host-header" => E("HostHeaderConfig", Members("Values", condition.Values)),
            "http-request-method" => E("HttpRequestMethodConfig", Members("Values", condition.Values)),
            "source-ip" => E("SourceIpConfig", Members("Values", condition.Values)),
            _ => null,
        };
        return E("member", E("Field", condition.Field), values, config);
    }

    private AwsResponse DescribeTargetGroups(AwsRequest request)
    {
        var lbArn = request.Form.Get("LoadBalancerArn");
        var arns = request.Form.Members("TargetGroupArns");
        var names = request.Form.Members("Names");
        IReadOnlyList<ScenarioTargetGroup> selected = Scenario.TargetGroups;
        if (!string.IsNullOrEmpty(lbArn))
        {
            if (Scenario.LoadBalancers.All(lb => lb.Arn != lbArn))
            {
                throw new AwsErrorException("LoadBalancerNotFound", $"Load balancer '{lbArn}' not found");
            }

            selected = [.. Scenario.TargetGroups.Where(tg => index.TargetGroupLoadBalancers[tg.Arn].Contains(lbArn))];
        }
        else if (arns.Count > 0)
        {
            if (arns.Any(a => !index.TargetGroupsByArn.ContainsKey(a)))
            {
                throw new AwsErrorException("TargetGroupNotFound", "One or more target groups not found");
            }

            selected = [.. Scenario.TargetGroups.Where(tg => arns.Contains(tg.Arn))];
        }
        else if (names.Count > 0)
        {
            var missing = names.Where(n => Scenario.TargetGroups.All(tg => tg.Name != n)).ToArray();
            if (missing.Length > 0)
            {
                throw new AwsErrorException("TargetGroupNotFound", $"Target groups '[{string.Join(", ", missing)}]' not found");
            }

            selected = [.. Scenario.TargetGroups.Where(tg => names.Contains(tg.Name))];
        }

        var (page, next) = Page(request, selected);
        return Respond(request, Members("TargetGroups", page.Select(TargetGroup)), Opt("NextMarker", next));
    }

    private XElement TargetGroup(ScenarioTargetGroup tg)
    {
        var hc = tg.HealthCheck;
        return E("member",
            E("TargetGroupArn", tg.Arn),
            E("TargetGroupName", tg.Name),
            Opt("Protocol", tg.Protocol),
            Opt("Port", tg.Port?.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            Opt("VpcId", tg.VpcId),
            Opt("HealthCheckProtocol", hc.Protocol),
            E("HealthCheckPort", hc.Port),
            E("HealthCheckEnabled", Bool(hc.Enabled)),
            E("HealthCheckIntervalSeconds", Number(hc.IntervalSeconds)),
            E("HealthCheckTimeoutSeconds", Number(hc.TimeoutSeconds)),
            E("HealthyThresholdCount", Number(hc.HealthyThresholdCount)),
            E("UnhealthyThresholdCount", Number(hc.UnhealthyThresholdCount)),
            Opt("HealthCheckPath", hc.Path),
            hc.Matcher is { } m ? E("Matcher", Opt("HttpCode", m.HttpCode), Opt("GrpcCode", m.GrpcCode)) : null,
            Members("LoadBalancerArns", index.TargetGroupLoadBalancers[tg.Arn]),
            E("TargetType", tg.TargetType),
            Opt("ProtocolVersion", tg.ProtocolVersion),
            E("IpAddressType", tg.IpAddressType));
    }

    private ScenarioTargetGroup RequireTargetGroup(AwsRequest request)
    {
        var arn = request.Form.Required("TargetGroupArn");
        return index.TargetGroupsByArn.TryGetValue(arn, out var tg)
            ? tg
            : throw new AwsErrorException("TargetGroupNotFound", $"Target groups '{arn}' not found");
    }

    private ScenarioLoadBalancer RequireLoadBalancer(AwsRequest request)
    {
        var arn = request.Form.Required("LoadBalancerArn");
        return Scenario.LoadBalancers.FirstOrDefault(lb => lb.Arn == arn)
            ?? throw new AwsErrorException("LoadBalancerNotFound", $"Load balancer '{arn}' not found");
    }

    private AwsResponse DescribeTargetHealth(AwsRequest request)
    {
        var tg = RequireTargetGroup(request);
        var include = request.Form.Members("Include");
        var anomaly = include.Contains("AnomalyDetection") || include.Contains("All");
        var wanted = request.Form.Indices("Targets.member.")
            .Select(i => (Id: request.Form.Get($"Targets.member.{i}.Id") ?? "", Port: request.Form.GetInt($"Targets.member.{i}.Port")))
            .ToArray();
        IEnumerable<(ScenarioTarget Target, bool Registered)> targets = tg.Targets.Select(t => (t, true));
        if (wanted.Length > 0)
        {
            targets = wanted.Select(w => tg.Targets.FirstOrDefault(t => t.Id == w.Id && (w.Port is null || (t.Port ?? tg.Port) == w.Port)) is { } t
                ? (t, true)
                : (new ScenarioTarget
                {
                    Id = w.Id,
                    Port = w.Port ?? tg.Port,
                    Health = new ScenarioTargetHealth { State = "unused", Reason = "Target.NotRegistered", Description = "Target is not registered to the target group" },
                }, false));
        }

        return Respond(request, Members("TargetHealthDescriptions", targets.Select(x =>
        {
            var t = x.Target;
            var port = t.Port ?? tg.Port;
            var hcPort = tg.HealthCheck.Port == "traffic-port" ? port?.ToString(System.Globalization.CultureInfo.InvariantCulture) : tg.HealthCheck.Port;
            var ao = t.AdministrativeOverride ?? new ScenarioAdministrativeOverride();
            return E("member",
                E("Target", E("Id", t.Id), Opt("Port", port?.ToString(System.Globalization.CultureInfo.InvariantCulture)), Opt("AvailabilityZone", t.AvailabilityZone)),
                Opt("HealthCheckPort", hcPort),
                E("TargetHealth",
                    E("State", t.Health.State),
                    Opt("Reason", t.Health.Reason),
                    Opt("Description", t.Health.Description)),
                anomaly && x.Registered && tg.Protocol is "HTTP" or "HTTPS"
                    ? E("AnomalyDetection",
                        E("Result", t.AnomalyDetection?.Result ?? "normal"),
                        E("MitigationInEffect", t.AnomalyDetection?.MitigationInEffect ?? "no"))
                    : null,
                E("AdministrativeOverride", E("State", ao.State), Opt("Reason", ao.Reason), Opt("Description", ao.Description)));
        })));
    }

    private AwsResponse DescribeTargetGroupAttributes(AwsRequest request)
    {
        var tg = RequireTargetGroup(request);
        return Respond(request, Attributes(DefaultTargetGroupAttributes(tg).Concat(tg.Attributes)));
    }

    private AwsResponse DescribeLoadBalancerAttributes(AwsRequest request)
    {
        var lb = RequireLoadBalancer(request);
        return Respond(request, Attributes(DefaultLoadBalancerAttributes(lb).Concat(lb.Attributes)));
    }

    private static XElement Attributes(IEnumerable<KeyValuePair<string, string>> pairs)
    {
        var merged = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in pairs)
        {
            merged[key] = value;
        }

        return Members("Attributes", merged.Select(kv => E("member", E("Key", kv.Key), E("Value", kv.Value))));
    }

    private static Dictionary<string, string> DefaultTargetGroupAttributes(ScenarioTargetGroup tg) => tg.TargetType == "lambda"
        ? new() { ["lambda.multi_value_headers.enabled"] = "false" }
        : new()
        {
            ["deregistration_delay.timeout_seconds"] = "300",
            ["stickiness.enabled"] = "false",
            ["stickiness.type"] = "lb_cookie",
            ["load_balancing.algorithm.type"] = "round_robin",
            ["load_balancing.cross_zone.enabled"] = "use_load_balancer_configuration",
            ["slow_start.duration_seconds"] = "0",
            ["target_group_health.dns_failover.minimum_healthy_targets.count"] = "1",
            ["target_group_health.dns_failover.minimum_healthy_targets.percentage"] = "off",
            ["target_group_health.unhealthy_state_routing.minimum_healthy_targets.count"] = "1",
            ["target_group_health.unhealthy_state_routing.minimum_healthy_targets.percentage"] = "off",
        };

    private static Dictionary<string, string> DefaultLoadBalancerAttributes(ScenarioLoadBalancer lb) => lb.Type == "application"
        ? new()
        {
            ["access_logs.s3.enabled"] = "false",
            ["deletion_protection.enabled"] = "false",
            ["idle_timeout.timeout_seconds"] = "60",
            ["routing.http2.enabled"] = "true",
            ["routing.http.drop_invalid_header_fields.enabled"] = "false",
            ["routing.http.desync_mitigation_mode"] = "defensive",
            ["load_balancing.cross_zone.enabled"] = "true",
            ["waf.fail_open.enabled"] = "false",
            ["zonal_shift.config.enabled"] = "false",
        }
        : new()
        {
            ["access_logs.s3.enabled"] = "false",
            ["deletion_protection.enabled"] = "false",
            ["load_balancing.cross_zone.enabled"] = "false",
            ["zonal_shift.config.enabled"] = "false",
        };

    private AwsResponse DescribeCapacityReservation(AwsRequest request)
    {
        var lb = RequireLoadBalancer(request);
        var reservation = lb.CapacityReservation ?? new ScenarioCapacityReservation();
        return Respond(request,
            Opt("LastModifiedTime", reservation.LastModifiedTime is { } t ? Time(t) : null),
            E("DecreaseRequestsRemaining", Number(reservation.DecreaseRequestsRemaining)),
            reservation.MinimumCapacityUnits is { } units ? E("MinimumLoadBalancerCapacity", E("CapacityUnits", Number(units))) : null,
            Members("CapacityReservationState", reservation.Zones.Select(z => E("member",
                E("State", E("Code", z.State), Opt("Reason", z.Reason)),
                Opt("AvailabilityZone", z.AvailabilityZone),
                Opt("EffectiveCapacityUnits", z.EffectiveCapacityUnits is { } u ? Number(u) : null)))));
    }
}
