namespace ChatOpsBot.Simulator.Scenarios;

public sealed record ScenarioAnomalyDetection
{
    /// <summary>normal or anomalous.</summary>
    public string Result { get; init; } = "normal";

    /// <summary>yes or no.</summary>
    public string MitigationInEffect { get; init; } = "no";
}
