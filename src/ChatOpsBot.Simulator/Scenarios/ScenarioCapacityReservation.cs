namespace ChatOpsBot.Simulator.Scenarios;

public sealed record ScenarioCapacityReservation
{
    /// <summary>Reserved LCUs; null when no reservation is set.</summary>
    public int? MinimumCapacityUnits { get; init; }

    public int DecreaseRequestsRemaining { get; init; } = 2;

    public DateTimeOffset? LastModifiedTime { get; init; }

    public IReadOnlyList<ScenarioZoneCapacity> Zones { get; init; } = [];
}
