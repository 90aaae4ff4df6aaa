namespace ChatOpsBot.Runbooks.Charts;

/// <summary>One line of a chart: a value per time, oldest first, <see cref="Times"/> and <see cref="Values"/> of equal length.</summary>
/// <param name="Role">Good (healthy hosts), bad (errors, unhealthy hosts) or neutral (traffic, latency).</param>
public sealed record ChartSeries(string Label, IReadOnlyList<DateTimeOffset> Times, IReadOnlyList<double> Values, ChartSeriesRole Role = ChartSeriesRole.Neutral);
