namespace ChatOpsBot.Simulator.Scenarios;

public sealed record ScenarioListener
{
    public required string Arn { get; init; }

    public int Port { get; init; } = 80;

    public string Protocol { get; init; } = "HTTP";

    public string? SslPolicy { get; init; }

    public IReadOnlyList<string> Certificates { get; init; } = [];

    public IReadOnlyList<string> AlpnPolicy { get; init; } = [];

    public IReadOnlyList<ScenarioAction> DefaultActions { get; init; } = [];

    /// <summary>Non-default rules; the default rule is derived from <see cref="DefaultActions"/>.</summary>
    public IReadOnlyList<ScenarioRule> Rules { get; init; } = [];
}
