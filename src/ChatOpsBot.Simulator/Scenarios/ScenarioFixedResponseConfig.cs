namespace ChatOpsBot.Simulator.Scenarios;

public sealed record ScenarioFixedResponseConfig
{
    public required string StatusCode { get; init; }

    public string? ContentType { get; init; }

    public string? MessageBody { get; init; }
}
