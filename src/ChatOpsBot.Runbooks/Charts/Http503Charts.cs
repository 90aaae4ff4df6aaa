using System.Globalization;
using ChatOpsBot.Runbooks.Causes;
using ChatOpsBot.Runbooks.Evidence.LoadBalancing;
using ChatOpsBot.Runbooks.Evidence.Metrics;
using ChatOpsBot.Runbooks.Http503;

namespace ChatOpsBot.Runbooks.Charts;

/// <summary>
/// Chooses the charts that show a 503 diagnosis's finding, from the metrics the diagnosis already fetched
/// (no AWS call of its own). Counts are zero-filled per period across the window, because ELB publishes a
/// count only when it is non-zero; gauges (host counts, response time) are drawn as published.
/// </summary>
public static class Http503Charts
{
    public const string ErrorsByProducerId = "5xx-by-producer";
    public const string HealthyHostsId = "healthy-hosts";
    public const string ResponseTimeP99Id = "target-response-time-p99";
    public const string RejectedConnectionsId = "rejected-connections";

    /// <summary>At most this many target groups are drawn on one chart.</summary>
    public const int MaxTargetGroups = 4;

    private static readonly CauseId[] HostCauses =
        [CauseId.UnhealthyTargets, CauseId.NetworkBlocked, CauseId.HealthCheckMisconfigured, CauseId.HealthCheckTimeout];

    /// <summary>The charts for this session, in reading order; empty when metrics were not gathered.</summary>
    public static IReadOnlyList<ChartSpec> Build(Http503Session session)
    {
        ArgumentNullException.ThrowIfNull(session);
        var e = session.Evidence;
        if (e.Metrics is not { } metrics || e.LoadBalancer is not { } lb)
        {
            return [];
        }

        var chart = new Builder(metrics, lb, session.StartedAt);
        var groups = GroupsByIndex(metrics, e.TargetGroups ?? []);
        var charts = new List<ChartSpec>();

        if (lb.Type == LoadBalancerType.Application)
        {
            charts.Add(chart.Make(
                ErrorsByProducerId,
                "5xx by producer",
                chart.CountUnit,
                [
                    .. chart.Count(Http503Metrics.Elb503, "HTTPCode_ELB_503 (load balancer)", ChartSeriesRole.Bad),
                    .. chart.Count(Http503Metrics.Target5xx, "HTTPCode_Target_5XX (targets)", ChartSeriesRole.Bad),
                    .. chart.Count(Http503Metrics.Requests, "RequestCount"),
                ],
                []));
        }

        var hostSeries = groups
            .Where(g => HasData(metrics, Http503Metrics.TgHealthy(g.Index)) || HasData(metrics, Http503Metrics.TgUnhealthy(g.Index)))
            .Take(MaxTargetGroups)
            .SelectMany(g => chart.Gauge(Http503Metrics.TgHealthy(g.Index), $"{g.Group.Name} healthy", ChartSeriesRole.Good)
                .Concat(chart.Gauge(Http503Metrics.TgUnhealthy(g.Index), $"{g.Group.Name} unhealthy", ChartSeriesRole.Bad)))
            .ToArray();
        var anyUnhealthy = groups.Any(g => (metrics.Max(Http503Metrics.TgUnhealthy(g.Index)) ?? 0) > 0);
        if (hostSeries.Length > 0 && (anyUnhealthy || HostCauses.Any(c => Confirmed(session, c))))
        {
            charts.Add(chart.Make(HealthyHostsId, "Healthy vs unhealthy hosts", "hosts", hostSeries, []));
        }

        var p99Groups = groups.Where(g => HasData(metrics, Http503Metrics.TgResponseTimeP99(g.Index))).Take(MaxTargetGroups).ToArray();
        if (p99Groups.Length > 0 || Confirmed(session, CauseId.HealthCheckTimeout))
        {
            var shown = p99Groups.Length > 0
                ? p99Groups
                : [.. groups.Where(g => metrics.Series(Http503Metrics.TgResponseTimeP99(g.Index)) is not null).Take(MaxTargetGroups)];
            charts.Add(chart.Make(
                ResponseTimeP99Id,
                "TargetResponseTime p99",
                "seconds",
                [.. shown.SelectMany(g => chart.Gauge(Http503Metrics.TgResponseTimeP99(g.Index), $"{g.Group.Name} p99"))],
                [.. shown.Select(g => new ChartThreshold(
                    string.Create(CultureInfo.InvariantCulture, $"{g.Group.Name} health-check timeout {g.Group.HealthCheck.TimeoutSeconds} s"),
                    g.Group.HealthCheck.TimeoutSeconds))]));
        }

        if (metrics.Series(Http503Metrics.Rejected) is not null
            && (metrics.Sum(Http503Metrics.Rejected) > 0 || Confirmed(session, CauseId.LbCapacity)))
        {
            charts.Add(chart.Make(
                RejectedConnectionsId,
                "RejectedConnectionCount",
                chart.CountUnit,
                [.. chart.Count(Http503Metrics.Rejected, "RejectedConnectionCount", ChartSeriesRole.Bad)],
                []));
        }

        return charts;
    }

    private static bool Confirmed(Http503Session session, CauseId cause) =>
        session.Findings.TryGetValue(cause, out var finding) && finding.Status == CauseStatus.Confirmed;

    private static bool HasData(Http503Metrics metrics, string id) => metrics.Series(id) is { Values.Count: > 0 };

    /// <summary>The target group behind each per-group query index, matched by the query's TargetGroup dimension.</summary>
    private static IReadOnlyList<(int Index, TargetGroupDescription Group)> GroupsByIndex(Http503Metrics metrics, IReadOnlyList<TargetGroupDescription> groups)
    {
        var result = new List<(int, TargetGroupDescription)>();
        for (var i = 0; ; i++)
        {
            var query = metrics.Queries.FirstOrDefault(q => q.Id == Http503Metrics.TgHealthy(i));
            if (query is null)
            {
                return result;
            }

            var dimension = query.Dimensions.FirstOrDefault(d => d.Name == "TargetGroup")?.Value;
            if (groups.FirstOrDefault(g => g.MetricDimension == dimension) is { } group)
            {
                result.Add((i, group));
            }
        }
    }

    private sealed class Builder(Http503Metrics metrics, LoadBalancerDescription lb, DateTimeOffset diagnosedAt)
    {
        private readonly TimeSpan period = TimeSpan.FromSeconds(metrics.Queries.Count > 0 ? metrics.Queries[0].PeriodSeconds : 60);

        public string CountUnit => period == TimeSpan.FromMinutes(1)
            ? "count per minute"
            : string.Create(CultureInfo.InvariantCulture, $"count per {period.TotalMinutes} minutes");

        public ChartSpec Make(string id, string title, string yAxis, IReadOnlyList<ChartSeries> series, IReadOnlyList<ChartThreshold> thresholds) =>
            new(id, $"{title} — {lb.Name}", yAxis, series, thresholds, metrics.Start, metrics.End, diagnosedAt);

        /// <summary>A count series with every missing period in the window filled with zero; none when the query failed or was not made.</summary>
        public IEnumerable<ChartSeries> Count(string id, string label, ChartSeriesRole role = ChartSeriesRole.Neutral)
        {
            if (metrics.Series(id) is not { } s || metrics.Failed(id))
            {
                yield break;
            }

            var published = new Dictionary<DateTimeOffset, double>();
            for (var i = 0; i < s.Timestamps.Count && i < s.Values.Count; i++)
            {
                published[s.Timestamps[i]] = s.Values[i];
            }

            var times = new SortedSet<DateTimeOffset>(published.Keys);
            for (var t = metrics.Start; t < metrics.End; t += period)
            {
                times.Add(t);
            }

            yield return new ChartSeries(label, [.. times], [.. times.Select(t => published.GetValueOrDefault(t))], role);
        }

        /// <summary>A gauge series as published, oldest first; none when it has no datapoints.</summary>
        public IEnumerable<ChartSeries> Gauge(string id, string label, ChartSeriesRole role = ChartSeriesRole.Neutral)
        {
            if (metrics.Series(id) is not { Values.Count: > 0 } s)
            {
                yield break;
            }

            var points = s.Timestamps.Zip(s.Values).OrderBy(p => p.First).ToArray();
            yield return new ChartSeries(label, [.. points.Select(p => p.First)], [.. points.Select(p => p.Second)], role);
        }
    }
}
