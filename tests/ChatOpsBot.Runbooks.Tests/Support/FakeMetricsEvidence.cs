using ChatOpsBot.Runbooks.Evidence.Metrics;

namespace ChatOpsBot.Runbooks.Tests.Support;

/// <summary>CloudWatch over a <see cref="FakeAwsAccount"/>: one series per query, one datapoint a minute ending at <c>end</c>.</summary>
internal sealed class FakeMetricsEvidence(FakeAwsAccount account) : IMetricsEvidence
{
    public List<(IReadOnlyList<MetricQuery> Queries, DateTimeOffset Start, DateTimeOffset End)> Requests { get; } = [];

    public Task<IReadOnlyList<MetricSeries>> GetMetricDataAsync(IReadOnlyList<MetricQuery> queries, DateTimeOffset start, DateTimeOffset end, CancellationToken cancellationToken)
    {
        lock (Requests)
        {
            Requests.Add((queries, start, end));
        }

        return account.CallAsync<IReadOnlyList<MetricSeries>>("cloudwatch", "GetMetricData", () =>
        [
            .. queries.Select(q =>
            {
                var v = account.Metrics.GetValueOrDefault(q.Id) ?? [];
                return new MetricSeries(q.Id, q.MetricName, [.. v.Select((_, i) => end - TimeSpan.FromMinutes(v.Length - i))], v, "Complete", []);
            }),
        ], cancellationToken);
    }
}
