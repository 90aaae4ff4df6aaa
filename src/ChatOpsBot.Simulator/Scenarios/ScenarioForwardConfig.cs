namespace ChatOpsBot.Simulator.Scenarios;

public sealed record ScenarioForwardConfig
{
    public IReadOnlyList<ScenarioWeightedTargetGroup> TargetGroups { get; init; } = [];

    public bool StickinessEnabled { get; init; }

    public int? StickinessDurationSeconds { get; init; }
}
