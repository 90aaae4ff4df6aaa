namespace ChatOpsBot.Simulator.Scenarios;

public sealed record ScenarioCommandOutput
{
    /// <summary>The final status: Success, Failed, TimedOut...</summary>
    public string Status { get; init; } = "Success";

    public int ResponseCode { get; init; }

    public string StandardOutput { get; init; } = "";

    public string StandardError { get; init; } = "";

    /// <summary>Simulated seconds from SendCommand until the invocation finishes.</summary>
    public int DurationSeconds { get; init; } = 4;
}
