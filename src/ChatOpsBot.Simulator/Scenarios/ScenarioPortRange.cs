namespace ChatOpsBot.Simulator.Scenarios;

public sealed record ScenarioPortRange
{
    public required int From { get; init; }

    public required int To { get; init; }
}
