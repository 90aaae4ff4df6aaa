namespace ChatOpsBot.Simulator.Scenarios;

public sealed record ScenarioMatcher
{
    public string? HttpCode { get; init; } = "200";

    public string? GrpcCode { get; init; }
}
