namespace ChatOpsBot.Simulator.Scenarios;

public sealed record ScenarioZoneCapacity
{
    public string? AvailabilityZone { get; init; }

    /// <summary>provisioned, pending, rebalancing or failed.</summary>
    public string State { get; init; } = "provisioned";

    public string? Reason { get; init; }

    public double? EffectiveCapacityUnits { get; init; }
}
