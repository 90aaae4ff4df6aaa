namespace ChatOpsBot.Simulator.Scenarios;

public sealed record ScenarioTargetHealth
{
    /// <summary>initial, healthy, unhealthy, unhealthy.draining, unused, draining or unavailable.</summary>
    public string State { get; init; } = "healthy";

    public string? Reason { get; init; }

    public string? Description { get; init; }
}
