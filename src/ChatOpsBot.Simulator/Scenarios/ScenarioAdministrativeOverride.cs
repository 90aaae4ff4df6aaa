namespace ChatOpsBot.Simulator.Scenarios;

public sealed record ScenarioAdministrativeOverride
{
    public string State { get; init; } = "no_override";

    public string? Reason { get; init; } = "AdministrativeOverride.NoOverride";

    public string? Description { get; init; } = "No override is currently active on target";
}
