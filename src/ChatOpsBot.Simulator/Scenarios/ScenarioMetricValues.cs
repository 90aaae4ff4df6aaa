namespace ChatOpsBot.Simulator.Scenarios;

/// <summary>
/// A per-minute series relative to now. Minute age 0 is the current minute. <see cref="Recent"/> (oldest first, the
/// last element is age 0) wins where it reaches; otherwise <see cref="Incident"/> for ages below
/// <see cref="IncidentMinutes"/>; otherwise <see cref="Baseline"/>. A null value means "no datapoint", as CloudWatch
/// shows for a count metric when nothing happened.
/// </summary>
public sealed record ScenarioMetricValues
{
    public double? Baseline { get; init; }

    public double? Incident { get; init; }

    public int IncidentMinutes { get; init; }

    public IReadOnlyList<double?> Recent { get; init; } = [];
}
