namespace ChatOpsBot.Simulator.Scenarios;

/// <summary>A rule condition: a field (path-pattern, host-header, http-request-method, source-ip...) and its values.</summary>
public sealed record ScenarioRuleCondition
{
    public required string Field { get; init; }

    public IReadOnlyList<string> Values { get; init; } = [];
}
