using ChatOpsBot.Runbooks.Evidence.LoadBalancing;
using ChatOpsBot.Runbooks.Evidence.Metrics;

namespace ChatOpsBot.Runbooks.Http503;

/// <summary>
/// The CloudWatch metrics the 503 runbook reads, all fetched in one GetMetricData call, and typed access to them.
/// ELB publishes a count only when it is non-zero, so a missing datapoint of a count metric means zero.
/// </summary>
public sealed class Http503Metrics
{
    public const string Elb503 = "elb503";
    public const string Elb5xx = "elb5xx";
    public const string Elb502 = "elb502";
    public const string Elb504 = "elb504";
    public const string Target5xx = "target5xx";
    public const string Requests = "requests";
    public const string Rejected = "rejected";
    public const string FixedResponses = "fixed";
    public const string PeakLcus = "peaklcu";
    public const string TargetConnectionErrors = "connerr";
    public const string ElbResets = "elbreset";
    public const string TargetResets = "targetreset";
    public const string PortAllocationErrors = "portalloc";

    private readonly Dictionary<string, MetricSeries> _series;

    public Http503Metrics(IReadOnlyList<MetricQuery> queries, IReadOnlyList<MetricSeries> series, DateTimeOffset start, DateTimeOffset end)
    {
        Queries = queries;
        _series = series.ToDictionary(s => s.Id, StringComparer.Ordinal);
        Start = start;
        End = end;
    }

    public IReadOnlyList<MetricQuery> Queries { get; }

    public DateTimeOffset Start { get; }

    public DateTimeOffset End { get; }

    public IEnumerable<MetricSeries> AllSeries => _series.Values;

    public static string AzElb503(int zoneIndex) => $"az{zoneIndex}elb503";

    public static string TgHealthy(int index) => $"tg{index}healthy";

    public static string TgUnhealthy(int index) => $"tg{index}unhealthy";

    public static string TgResponseTimeP99(int index) => $"tg{index}p99";

    public static string TgTarget5xx(int index) => $"tg{index}t5xx";

    public static string TgRequests(int index) => $"tg{index}req";

    /// <summary>The queries for one load balancer and its target groups (index = position in <paramref name="targetGroups"/>).</summary>
    public static IReadOnlyList<MetricQuery> BuildQueries(
        LoadBalancerDescription loadBalancer,
        IReadOnlyList<TargetGroupDescription> targetGroups,
        int periodSeconds)
    {
        var queries = new List<MetricQuery>();
        var lbDim = new MetricDimension("LoadBalancer", loadBalancer.MetricDimension);
        if (loadBalancer.Type == LoadBalancerType.Application)
        {
            const string ns = "AWS/ApplicationELB";
            void Lb(string id, string metric, string stat) => queries.Add(new MetricQuery(id, ns, metric, [lbDim], stat, periodSeconds));
            Lb(Elb503, "HTTPCode_ELB_503_Count", "Sum");
            Lb(Elb5xx, "HTTPCode_ELB_5XX_Count", "Sum");
            Lb(Elb502, "HTTPCode_ELB_502_Count", "Sum");
            Lb(Elb504, "HTTPCode_ELB_504_Count", "Sum");
            Lb(Target5xx, "HTTPCode_Target_5XX_Count", "Sum");
            Lb(Requests, "RequestCount", "Sum");
            Lb(Rejected, "RejectedConnectionCount", "Sum");
            Lb(FixedResponses, "HTTP_Fixed_Response_Count", "Sum");
            Lb(PeakLcus, "PeakLCUs", "Sum");
            Lb(TargetConnectionErrors, "TargetConnectionErrorCount", "Sum");
            for (var z = 0; z < loadBalancer.Zones.Count; z++)
            {
                queries.Add(new MetricQuery(
                    AzElb503(z),
                    ns,
                    "HTTPCode_ELB_503_Count",
                    [new MetricDimension("AvailabilityZone", loadBalancer.Zones[z].ZoneName), lbDim],
                    "Sum",
                    periodSeconds));
            }

            for (var i = 0; i < targetGroups.Count; i++)
            {
                MetricDimension[] dims = [new("TargetGroup", targetGroups[i].MetricDimension), lbDim];
                queries.Add(new MetricQuery(TgHealthy(i), ns, "HealthyHostCount", dims, "Minimum", periodSeconds));
                queries.Add(new MetricQuery(TgUnhealthy(i), ns, "UnHealthyHostCount", dims, "Maximum", periodSeconds));
                queries.Add(new MetricQuery(TgResponseTimeP99(i), ns, "TargetResponseTime", dims, "p99", periodSeconds));
                queries.Add(new MetricQuery(TgTarget5xx(i), ns, "HTTPCode_Target_5XX_Count", dims, "Sum", periodSeconds));
                queries.Add(new MetricQuery(TgRequests(i), ns, "RequestCount", dims, "Sum", periodSeconds));
            }
        }
        else if (loadBalancer.Type == LoadBalancerType.Network)
        {
            const string ns = "AWS/NetworkELB";
            void Lb(string id, string metric, string stat) => queries.Add(new MetricQuery(id, ns, metric, [lbDim], stat, periodSeconds));
            Lb(ElbResets, "TCP_ELB_Reset_Count", "Sum");
            Lb(TargetResets, "TCP_Target_Reset_Count", "Sum");
            Lb(PortAllocationErrors, "PortAllocationErrorCount", "Sum");
            Lb(PeakLcus, "PeakLCUs", "Sum");
            for (var i = 0; i < targetGroups.Count; i++)
            {
                MetricDimension[] dims = [new("TargetGroup", targetGroups[i].MetricDimension), lbDim];
                queries.Add(new MetricQuery(TgHealthy(i), ns, "HealthyHostCount", dims, "Minimum", periodSeconds));
                queries.Add(new MetricQuery(TgUnhealthy(i), ns, "UnHealthyHostCount", dims, "Maximum", periodSeconds));
            }
        }

        return queries;
    }

    public MetricSeries? Series(string id) => _series.GetValueOrDefault(id);

    /// <summary>The total over the window; zero when CloudWatch had no datapoints (counts are only published when non-zero).</summary>
    public double Sum(string id) => _series.TryGetValue(id, out var s) ? s.Values.Sum() : 0;

    /// <summary>The largest datapoint, or null when there were none.</summary>
    public double? Max(string id) => _series.TryGetValue(id, out var s) && s.Values.Count > 0 ? s.Values.Max() : null;

    /// <summary>The last datapoint, or null when there were none.</summary>
    public double? Last(string id) => _series.TryGetValue(id, out var s) && s.Values.Count > 0 ? s.Values[^1] : null;

    /// <summary>The median of the datapoints, or null when there were none.</summary>
    public double? Median(string id)
    {
        if (!_series.TryGetValue(id, out var s) || s.Values.Count == 0)
        {
            return null;
        }

        var sorted = s.Values.Order().ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
    }

    /// <summary>True when CloudWatch refused or failed this query (Forbidden, InternalError).</summary>
    public bool Failed(string id) => _series.TryGetValue(id, out var s) && s.StatusCode is "Forbidden" or "InternalError";
}
