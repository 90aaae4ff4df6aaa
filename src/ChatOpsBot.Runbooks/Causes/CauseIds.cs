namespace ChatOpsBot.Runbooks.Causes;

/// <summary>Maps <see cref="CauseId"/> to and from its wire name (for example <c>no-registered-targets</c>).</summary>
public static class CauseIds
{
    private static readonly (CauseId Id, string Wire, string Title)[] Table =
    [
        (CauseId.None, "none", "No fault found"),
        (CauseId.NoRegisteredTargets, "no-registered-targets", "No registered targets"),
        (CauseId.UnhealthyTargets, "unhealthy-targets", "Unhealthy targets"),
        (CauseId.HealthCheckMisconfigured, "health-check-misconfigured", "Health check misconfigured"),
        (CauseId.NetworkBlocked, "network-blocked", "Network path blocked"),
        (CauseId.LbCapacity, "lb-capacity", "Load balancer capacity"),
        (CauseId.Dns, "dns", "DNS resolution"),
        (CauseId.HealthCheckTimeout, "health-check-timeout", "Health checks time out"),
        (CauseId.FixedResponse, "fixed-response", "Fixed-response rule"),
        (CauseId.TargetErrors, "target-errors", "Targets return 5xx"),
    ];

    /// <summary>Every cause except <see cref="CauseId.None"/>, in the order a report lists them.</summary>
    public static IReadOnlyList<CauseId> Checked { get; } =
    [
        CauseId.FixedResponse,
        CauseId.NoRegisteredTargets,
        CauseId.UnhealthyTargets,
        CauseId.HealthCheckMisconfigured,
        CauseId.NetworkBlocked,
        CauseId.HealthCheckTimeout,
        CauseId.Dns,
        CauseId.LbCapacity,
        CauseId.TargetErrors,
    ];

    public static string ToWire(this CauseId id) => Table.First(t => t.Id == id).Wire;

    public static string Title(this CauseId id) => Table.First(t => t.Id == id).Title;

    public static bool TryParse(string wire, out CauseId id)
    {
        foreach (var t in Table)
        {
            if (string.Equals(t.Wire, wire, StringComparison.Ordinal))
            {
                id = t.Id;
                return true;
            }
        }

        id = CauseId.None;
        return false;
    }
}
