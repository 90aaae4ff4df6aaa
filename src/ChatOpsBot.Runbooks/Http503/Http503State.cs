namespace ChatOpsBot.Runbooks.Http503;

/// <summary>The states of the 503 runbook. Gathering states fetch evidence on entry; checking states judge it.</summary>
public enum Http503State
{
    Start,
    ResolvingLoadBalancer,
    GatheringConfiguration,
    GatheringHealthAndMetrics,
    AttributingErrors,
    CheckingFixedResponse,
    CheckingRegistration,
    CheckingTargetHealth,
    CheckingHealthCheckSettings,
    GatheringTargets,
    ProbingInstances,
    CheckingOnInstance,
    CheckingNetworkPath,
    CheckingHealthCheckTimeouts,
    CheckingDns,
    CheckingCapacity,
    Concluding,
    Diagnosed,
    RejectedInput,
    LoadBalancerNotFound,
    Unsupported,
    AccessProblem,
}
