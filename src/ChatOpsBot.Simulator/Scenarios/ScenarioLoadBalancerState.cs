namespace ChatOpsBot.Simulator.Scenarios;

public sealed record ScenarioLoadBalancerState
{
    /// <summary>provisioning, active, active_impaired or failed.</summary>
    public string Code { get; init; } = "active";

    public string? Reason { get; init; }
}
