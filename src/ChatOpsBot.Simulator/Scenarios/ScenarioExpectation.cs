namespace ChatOpsBot.Simulator.Scenarios;

/// <summary>What a correct diagnosis of the scenario reports. Ignored by the simulator.</summary>
public sealed record ScenarioExpectation
{
    /// <summary>A cause from the catalogue (network-blocked, unhealthy-targets, none...).</summary>
    public string? RootCause { get; init; }

    public IReadOnlyList<string> Contributing { get; init; } = [];

    /// <summary>Strings the report must mention.</summary>
    public IReadOnlyList<string> Evidence { get; init; } = [];
}
