using ChatOpsBot.Simulator.Scenarios;

namespace ChatOpsBot.Simulator.CloudWatch;

/// <summary>
/// Turns a scenario metric description into datapoints: one per period in [start, end), up to "now", valued by how
/// many minutes ago each minute of the period lies and aggregated by the statistic asked for.
/// </summary>
internal static class MetricSeriesGenerator
{
    public static IReadOnlyList<(DateTimeOffset Timestamp, double Value)> Generate(
        ScenarioMetric metric, string stat, int periodSeconds, DateTimeOffset start, DateTimeOffset end, DateTimeOffset now)
    {
        var values = metric.Stats.TryGetValue(stat, out var specific) ? specific : metric.Values;
        if (values is null || periodSeconds <= 0)
        {
            return [];
        }

        var currentMinute = FloorToMinute(now);
        var result = new List<(DateTimeOffset, double)>();
        for (var t = FloorToMinute(start); t < end && t <= currentMinute; t = t.AddSeconds(periodSeconds))
        {
            var minutes = new List<double>();
            for (var m = t; m < t.AddSeconds(periodSeconds) && m <= currentMinute; m = m.AddMinutes(1))
            {
                var age = (int)(currentMinute - m).TotalMinutes;
                if (ValueAt(values, age) is { } v)
                {
                    minutes.Add(v);
                }
            }

            if (minutes.Count > 0)
            {
                result.Add((t, Aggregate(stat, minutes)));
            }
        }

        return result;
    }

    /// <summary>The per-minute value at <paramref name="age"/> minutes ago (0 = current minute), or null for no datapoint.</summary>
    internal static double? ValueAt(ScenarioMetricValues values, int age)
    {
        if (age < values.Recent.Count)
        {
            return values.Recent[values.Recent.Count - 1 - age];
        }

        return age < values.IncidentMinutes ? values.Incident : values.Baseline;
    }

    private static double Aggregate(string stat, List<double> minutes) => stat switch
    {
        "Sum" => minutes.Sum(),
        "Minimum" => minutes.Min(),
        "Maximum" => minutes.Max(),
        "SampleCount" => minutes.Count,
        _ => minutes.Average(),
    };

    private static DateTimeOffset FloorToMinute(DateTimeOffset t) =>
        new(t.UtcTicks - (t.UtcTicks % TimeSpan.TicksPerMinute), TimeSpan.Zero);
}
