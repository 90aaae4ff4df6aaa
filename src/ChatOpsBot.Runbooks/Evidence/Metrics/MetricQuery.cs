namespace ChatOpsBot.Runbooks.Evidence.Metrics;

/// <summary>One CloudWatch metric to fetch.</summary>
/// <param name="Id">Starts with a lower-case letter; letters, digits and underscores only.</param>
/// <param name="Stat">Sum, Minimum, Maximum, Average, SampleCount or a percentile such as p99.</param>
public sealed record MetricQuery(
    string Id,
    string Namespace,
    string MetricName,
    IReadOnlyList<MetricDimension> Dimensions,
    string Stat,
    int PeriodSeconds);
