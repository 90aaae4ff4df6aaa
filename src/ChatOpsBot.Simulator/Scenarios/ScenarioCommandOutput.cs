namespace ChatOpsBot.Simulator.Scenarios;

public sealed record ScenarioCommandOutput
{
    /// <summary>The final status: Success, Failed, TimedOut...</summary>
    public string Status { get; init; } = "Success";

    /// <summary>StatusDetails once finished (Undeliverable, DeliveryTimedOut, ExecutionTimedOut...); default: the status.</summary>
    public string? StatusDetails { get; init; }

    public int ResponseCode { get; init; }

    public string StandardOutput { get; init; } = "";

    public string StandardError { get; init; } = "";

    /// <summary>Simulated seconds from SendCommand until the invocation finishes.</summary>
    public int DurationSeconds { get; init; } = 4;

    /// <summary>The command stays InProgress for ever (an agent or script that hangs).</summary>
    public bool NeverFinishes { get; init; }

    /// <summary>Instance facts rendered in the probe script's output format; when set, they replace
    /// <see cref="StandardOutput"/>.</summary>
    public ScenarioInstanceProbe? Probe { get; init; }
}
