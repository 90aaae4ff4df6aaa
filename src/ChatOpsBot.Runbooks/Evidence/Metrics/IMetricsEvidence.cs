namespace ChatOpsBot.Runbooks.Evidence.Metrics;

/// <summary>Facts from CloudWatch. One call site for every metric the runbook needs.</summary>
public interface IMetricsEvidence
{
    /// <summary>Fetches every query (splitting into several requests only past the API's 500-query limit).
    /// The result has one series per query, in any order, matched by <see cref="MetricSeries.Id"/>.</summary>
    Task<IReadOnlyList<MetricSeries>> GetMetricDataAsync(
        IReadOnlyList<MetricQuery> queries,
        DateTimeOffset start,
        DateTimeOffset end,
        CancellationToken cancellationToken);
}
