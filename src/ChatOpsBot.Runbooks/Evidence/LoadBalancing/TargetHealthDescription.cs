namespace ChatOpsBot.Runbooks.Evidence.LoadBalancing;

/// <param name="State">initial, healthy, unhealthy, unhealthy.draining, unused, draining, unavailable.</param>
/// <param name="Reason">For example Target.Timeout or Elb.InitialHealthChecking; null when healthy.</param>
public sealed record TargetHealthDescription(
    string TargetId,
    int? Port,
    string? AvailabilityZone,
    string? HealthCheckPort,
    string State,
    string? Reason,
    string? Description);
