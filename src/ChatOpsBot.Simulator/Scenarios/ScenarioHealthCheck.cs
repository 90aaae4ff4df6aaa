namespace ChatOpsBot.Simulator.Scenarios;

/// <summary>Health-check settings; defaults are the ALB defaults for instance targets.</summary>
public sealed record ScenarioHealthCheck
{
    public bool Enabled { get; init; } = true;

    public string? Protocol { get; init; } = "HTTP";

    /// <summary><c>traffic-port</c> or a port number as text.</summary>
    public string Port { get; init; } = "traffic-port";

    public string? Path { get; init; } = "/";

    public int IntervalSeconds { get; init; } = 30;

    public int TimeoutSeconds { get; init; } = 5;

    public int HealthyThresholdCount { get; init; } = 5;

    public int UnhealthyThresholdCount { get; init; } = 2;

    public ScenarioMatcher? Matcher { get; init; } = new();
}
