namespace ChatOpsBot.Simulator.Scenarios;

public sealed record ScenarioWeightedTargetGroup
{
    /// <summary>A target group ARN or name.</summary>
    public required string TargetGroupArn { get; init; }

    public int? Weight { get; init; }
}
