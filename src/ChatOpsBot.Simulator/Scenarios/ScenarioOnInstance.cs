namespace ChatOpsBot.Simulator.Scenarios;

/// <summary>The on-instance checks a test runs the scenario with (the CLI's <c>--on-instance</c> settings).</summary>
public sealed record ScenarioOnInstance
{
    /// <summary><c>--service</c>: the application's systemd unit.</summary>
    public string? Service { get; init; }

    /// <summary><c>--app-log</c>: the application's log file.</summary>
    public string? AppLog { get; init; }

    /// <summary><c>--dependency</c>, once per host.</summary>
    public IReadOnlyList<string> Dependencies { get; init; } = [];

    /// <summary><c>--max-instances</c>; null for the default.</summary>
    public int? MaxInstances { get; init; }
}
