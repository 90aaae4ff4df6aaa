using System.Xml.Linq;
using ChatOpsBot.Aws.Query;
using ChatOpsBot.Runbooks.Evidence.LoadBalancing;

namespace ChatOpsBot.Aws.Elbv2;

/// <summary>Maps ELBv2 (2015-12-01) result elements to evidence records. Order-independent; optional elements may be absent.</summary>
internal static class Elbv2Xml
{
    public static IEnumerable<LoadBalancerDescription> LoadBalancers(XElement result) =>
        result.Members("LoadBalancers").Select(LoadBalancer);

    public static LoadBalancerDescription LoadBalancer(XElement member) => new(
        Arn: member.Text("LoadBalancerArn") ?? string.Empty,
        Name: member.Text("LoadBalancerName") ?? string.Empty,
        Type: member.Text("Type") switch
        {
            "network" => LoadBalancerType.Network,
            "gateway" => LoadBalancerType.Gateway,
            _ => LoadBalancerType.Application,
        },
        Scheme: member.Text("Scheme") ?? string.Empty,
        VpcId: member.Text("VpcId") ?? string.Empty,
        DnsName: member.Text("DNSName") ?? string.Empty,
        StateCode: member.Child("State").Text("Code") ?? string.Empty,
        StateReason: member.Child("State").TextOrNull("Reason"),
        Zones: [.. member.Members("AvailabilityZones").Select(Zone)],
        SecurityGroupIds: [.. member.Members("SecurityGroups").Select(m => m.Value.Trim())],
        IpAddressType: member.TextOrNull("IpAddressType") ?? "ipv4");

    public static TargetGroupDescription TargetGroup(XElement member) => new(
        Arn: member.Text("TargetGroupArn") ?? string.Empty,
        Name: member.Text("TargetGroupName") ?? string.Empty,
        Protocol: member.TextOrNull("Protocol"),
        Port: member.Int("Port"),
        VpcId: member.TextOrNull("VpcId"),
        TargetType: member.TextOrNull("TargetType") ?? "instance",
        HealthCheck: new HealthCheckSettings(
            Enabled: member.Bool("HealthCheckEnabled") ?? true,
            Protocol: member.TextOrNull("HealthCheckProtocol"),
            Port: member.TextOrNull("HealthCheckPort") ?? "traffic-port",
            Path: member.TextOrNull("HealthCheckPath"),
            IntervalSeconds: member.Int("HealthCheckIntervalSeconds") ?? 0,
            TimeoutSeconds: member.Int("HealthCheckTimeoutSeconds") ?? 0,
            HealthyThreshold: member.Int("HealthyThresholdCount") ?? 0,
            UnhealthyThreshold: member.Int("UnhealthyThresholdCount") ?? 0,
            MatcherHttpCode: member.Child("Matcher").TextOrNull("HttpCode"),
            MatcherGrpcCode: member.Child("Matcher").TextOrNull("GrpcCode")),
        LoadBalancerArns: [.. member.Members("LoadBalancerArns").Select(m => m.Value.Trim())],
        ProtocolVersion: member.TextOrNull("ProtocolVersion"));

    public static TargetHealthDescription TargetHealth(XElement member)
    {
        var target = member.Child("Target");
        var health = member.Child("TargetHealth");
        return new TargetHealthDescription(
            TargetId: target.Text("Id") ?? string.Empty,
            Port: target.Int("Port"),
            AvailabilityZone: target.TextOrNull("AvailabilityZone"),
            HealthCheckPort: member.TextOrNull("HealthCheckPort"),
            State: health.Text("State") ?? "unavailable",
            Reason: health.TextOrNull("Reason"),
            Description: health.TextOrNull("Description"));
    }

    public static ListenerDescription Listener(XElement member) => new(
        Arn: member.Text("ListenerArn") ?? string.Empty,
        LoadBalancerArn: member.Text("LoadBalancerArn") ?? string.Empty,
        Port: member.Int("Port") ?? 0,
        Protocol: member.Text("Protocol") ?? string.Empty,
        DefaultActions: Actions(member.Child("DefaultActions")));

    public static RuleDescription Rule(XElement member, string listenerArn) => new(
        Arn: member.Text("RuleArn") ?? string.Empty,
        ListenerArn: listenerArn,
        Priority: member.Text("Priority") ?? string.Empty,
        IsDefault: member.Bool("IsDefault") ?? string.Equals(member.Text("Priority"), "default", StringComparison.Ordinal),
        Actions: Actions(member.Child("Actions")),
        Conditions: [.. member.Members("Conditions").Select(Condition)]);

    /// <summary>Actions sorted by <c>Order</c> (absent orders last, document order kept among equals).</summary>
    public static IReadOnlyList<RuleAction> Actions(XElement? list) =>
        [.. list.Members().Select(Action).OrderBy(a => a.Order ?? int.MaxValue)];

    public static RuleAction Action(XElement member)
    {
        var groups = new List<WeightedTargetGroup>();
        void AddGroup(string? arn, int? weight)
        {
            if (string.IsNullOrEmpty(arn))
            {
                return;
            }

            var existing = groups.FindIndex(g => string.Equals(g.TargetGroupArn, arn, StringComparison.Ordinal));
            if (existing < 0)
            {
                groups.Add(new WeightedTargetGroup(arn, weight));
            }
            else if (groups[existing].Weight is null && weight is not null)
            {
                groups[existing] = groups[existing] with { Weight = weight };
            }
        }

        AddGroup(member.TextOrNull("TargetGroupArn"), null);
        foreach (var group in member.Path("ForwardConfig", "TargetGroups").Members())
        {
            AddGroup(group.TextOrNull("TargetGroupArn"), group.Int("Weight"));
        }

        var fixedConfig = member.Child("FixedResponseConfig");
        return new RuleAction(
            Type: member.Text("Type") ?? string.Empty,
            Order: member.Int("Order"),
            TargetGroups: groups,
            FixedResponse: fixedConfig is null
                ? null
                : new FixedResponseAction(
                    fixedConfig.Text("StatusCode") ?? string.Empty,
                    fixedConfig.TextOrNull("ContentType"),
                    fixedConfig.TextOrNull("MessageBody")));
    }

    /// <summary>One readable line: <c>path-pattern: /api/*, /v2/*</c>, <c>http-header X-Env: blue</c>,
    /// <c>query-string: version=2</c>, <c>source-ip: 10.0.0.0/8</c>.</summary>
    public static string Condition(XElement member)
    {
        var field = member.Text("Field") ?? "condition";
        var values = new List<string>();
        var header = default(string);
        switch (field)
        {
            case "host-header":
                values.AddRange(Values(member.Child("HostHeaderConfig")));
                break;
            case "path-pattern":
                values.AddRange(Values(member.Child("PathPatternConfig")));
                break;
            case "http-header":
                header = member.Child("HttpHeaderConfig").TextOrNull("HttpHeaderName");
                values.AddRange(Values(member.Child("HttpHeaderConfig")));
                break;
            case "http-request-method":
                values.AddRange(Values(member.Child("HttpRequestMethodConfig")));
                break;
            case "source-ip":
                values.AddRange(Values(member.Child("SourceIpConfig")));
                break;
            case "query-string":
                values.AddRange(member.Path("QueryStringConfig", "Values").Members().Select(kv =>
                    kv.TextOrNull("Key") is { } key ? $"{key}={kv.Text("Value")}" : kv.Text("Value") ?? string.Empty));
                break;
            default:
                break;
        }

        foreach (var legacy in member.Members("Values").Select(v => v.Value.Trim()))
        {
            if (!values.Contains(legacy, StringComparer.Ordinal))
            {
                values.Add(legacy);
            }
        }

        var label = header is null ? field : $"{field} {header}";
        return $"{label}: {string.Join(", ", values)}";
    }

    public static IReadOnlyDictionary<string, string> Attributes(XElement result)
    {
        var attributes = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var member in result.Members("Attributes"))
        {
            if (member.TextOrNull("Key") is { } key)
            {
                attributes[key] = member.Text("Value") ?? string.Empty;
            }
        }

        return attributes;
    }

    public static CapacityReservation Capacity(XElement result) => new(
        MinimumCapacityUnits: result.Child("MinimumLoadBalancerCapacity").Int("CapacityUnits"),
        Zones: [.. result.Members("CapacityReservationState").Select(zone => new ZoneCapacityState(
            AvailabilityZone: zone.TextOrNull("AvailabilityZone"),
            StateCode: zone.Child("State").TextOrNull("Code"),
            Reason: zone.Child("State").TextOrNull("Reason"),
            EffectiveCapacityUnits: zone.Double("EffectiveCapacityUnits")))]);

    private static LoadBalancerZone Zone(XElement member) => new(
        ZoneName: member.Text("ZoneName") ?? string.Empty,
        SubnetId: member.Text("SubnetId") ?? string.Empty,
        Addresses: [.. member.Members("LoadBalancerAddresses")
            .SelectMany(a => new[] { a.TextOrNull("IpAddress"), a.TextOrNull("PrivateIPv4Address"), a.TextOrNull("IPv6Address") })
            .OfType<string>()
            .Distinct(StringComparer.Ordinal)]);

    private static IEnumerable<string> Values(XElement? config) => config.Members("Values").Select(v => v.Value.Trim());
}
