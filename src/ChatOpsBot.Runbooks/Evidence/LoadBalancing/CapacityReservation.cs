namespace ChatOpsBot.Runbooks.Evidence.LoadBalancing;

/// <param name="MinimumCapacityUnits">The reserved LCUs, or null when no reservation is set.</param>
public sealed record CapacityReservation(int? MinimumCapacityUnits, IReadOnlyList<ZoneCapacityState> Zones);
