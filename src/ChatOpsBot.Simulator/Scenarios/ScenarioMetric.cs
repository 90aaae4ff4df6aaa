namespace ChatOpsBot.Simulator.Scenarios;

/// <summary>
/// One CloudWatch metric (namespace + name + exact dimension set). Values are a function of how many minutes ago a
/// datapoint lies, so data is always recent: see <see cref="ScenarioMetricValues"/>.
/// </summary>
public sealed record ScenarioMetric
{
    public required string Namespace { get; init; }

    public required string MetricName { get; init; }

    public IReadOnlyDictionary<string, string> Dimensions { get; init; } = new Dictionary<string, string>();

    /// <summary>Values used for any statistic without its own entry in <see cref="Stats"/>.</summary>
    public ScenarioMetricValues? Values { get; init; }

    /// <summary>Per-statistic values (Sum, Minimum, Maximum, Average, p99...).</summary>
    public IReadOnlyDictionary<string, ScenarioMetricValues> Stats { get; init; } = new Dictionary<string, ScenarioMetricValues>();
}
