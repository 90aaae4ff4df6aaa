namespace ChatOpsBot.Runbooks.Evidence.Instances;

/// <summary>Read-only checks on the instances themselves (through Systems Manager Run Command): what the load
/// balancer's APIs cannot see. Nothing on the instance is changed.</summary>
public interface IInstanceProbe
{
    /// <summary>Probes every target of <paramref name="request"/> and returns one outcome per target, in the same
    /// order. Never waits longer than the request's timeout: an instance that has not answered by then is
    /// reported <see cref="InstanceProbeStatus.TimedOut"/>. Faults of one instance never fail the others.</summary>
    Task<IReadOnlyList<InstanceProbeOutcome>> ProbeAsync(InstanceProbeRequest request, CancellationToken cancellationToken);
}
