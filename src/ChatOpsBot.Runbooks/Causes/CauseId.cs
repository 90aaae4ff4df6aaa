namespace ChatOpsBot.Runbooks.Causes;

/// <summary>The closed vocabulary of causes every output uses. Wire names come from <see cref="CauseIds"/>.</summary>
public enum CauseId
{
    None,
    NoRegisteredTargets,
    UnhealthyTargets,
    HealthCheckMisconfigured,
    NetworkBlocked,
    LbCapacity,
    Dns,
    HealthCheckTimeout,
    FixedResponse,
    TargetErrors,
}
