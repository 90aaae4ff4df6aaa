namespace ChatOpsBot.Runbooks.Evidence.Metrics;

/// <summary>The datapoints CloudWatch returned for one query, all pages merged, oldest first.</summary>
/// <param name="StatusCode">Complete, PartialData, InternalError or Forbidden.</param>
public sealed record MetricSeries(
    string Id,
    string? Label,
    IReadOnlyList<DateTimeOffset> Timestamps,
    IReadOnlyList<double> Values,
    string StatusCode,
    IReadOnlyList<string> Messages);
