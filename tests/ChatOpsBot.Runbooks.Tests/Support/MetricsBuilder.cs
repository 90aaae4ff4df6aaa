using ChatOpsBot.Runbooks.Evidence.LoadBalancing;
using ChatOpsBot.Runbooks.Evidence.Metrics;
using ChatOpsBot.Runbooks.Http503;

namespace ChatOpsBot.Runbooks.Tests.Support;

/// <summary>
/// Builds <see cref="Http503Metrics"/> as one GetMetricData call returns them: one series per query the runbook builds,
/// status Complete, one datapoint per minute for the values given and none otherwise (ELB publishes counts only when non-zero).
/// </summary>
internal sealed class MetricsBuilder(LoadBalancerDescription loadBalancer, IReadOnlyList<TargetGroupDescription> targetGroups)
{
    public static readonly DateTimeOffset End = new(2026, 11, 28, 9, 0, 0, TimeSpan.Zero);
    public static readonly DateTimeOffset Start = End - TimeSpan.FromMinutes(60);

    private readonly Dictionary<string, double[]> values = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> statuses = new(StringComparer.Ordinal);

    public MetricsBuilder(Http503Evidence evidence)
        : this(evidence.LoadBalancer!, evidence.TargetGroups ?? [])
    {
    }

    /// <summary>Datapoints of one query, one a minute, ending at <see cref="End"/>.</summary>
    public MetricsBuilder With(string id, params double[] perMinute)
    {
        values[id] = perMinute;
        return this;
    }

    public MetricsBuilder WithStatus(string id, string statusCode)
    {
        statuses[id] = statusCode;
        return this;
    }

    public IReadOnlyList<MetricQuery> Queries => Http503Metrics.BuildQueries(loadBalancer, targetGroups, 60);

    public IReadOnlyList<MetricSeries> Series() =>
    [
        .. Queries.Select(q =>
        {
            var v = values.GetValueOrDefault(q.Id) ?? [];
            var times = v.Select((_, i) => End - TimeSpan.FromMinutes(v.Length - i)).ToArray();
            return new MetricSeries(q.Id, q.MetricName, times, v, statuses.GetValueOrDefault(q.Id) ?? "Complete", []);
        }),
    ];

    public Http503Metrics Build()
    {
        foreach (var id in values.Keys)
        {
            Assert.True(Queries.Any(q => q.Id == id), $"The runbook builds no query with id '{id}' for this load balancer.");
        }

        return new Http503Metrics(Queries, Series(), Start, End);
    }
}
