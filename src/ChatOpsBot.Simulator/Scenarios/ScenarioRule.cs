namespace ChatOpsBot.Simulator.Scenarios;

public sealed record ScenarioRule
{
    public required string Arn { get; init; }

    /// <summary>A number as text (1-50000).</summary>
    public required string Priority { get; init; }

    public IReadOnlyList<ScenarioRuleCondition> Conditions { get; init; } = [];

    public IReadOnlyList<ScenarioAction> Actions { get; init; } = [];
}
