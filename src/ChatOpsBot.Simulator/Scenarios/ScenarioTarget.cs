namespace ChatOpsBot.Simulator.Scenarios;

public sealed record ScenarioTarget
{
    public required string Id { get; init; }

    public int? Port { get; init; }

    public string? AvailabilityZone { get; init; }

    public ScenarioTargetHealth Health { get; init; } = new();

    /// <summary>Shown only when DescribeTargetHealth asks for Include=AnomalyDetection or All.</summary>
    public ScenarioAnomalyDetection? AnomalyDetection { get; init; }

    public ScenarioAdministrativeOverride? AdministrativeOverride { get; init; }
}
