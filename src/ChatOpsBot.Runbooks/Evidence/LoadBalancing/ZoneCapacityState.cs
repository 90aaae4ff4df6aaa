namespace ChatOpsBot.Runbooks.Evidence.LoadBalancing;

/// <param name="StateCode">provisioned, pending, rebalancing or failed.</param>
public sealed record ZoneCapacityState(string? AvailabilityZone, string? StateCode, string? Reason, double? EffectiveCapacityUnits);
