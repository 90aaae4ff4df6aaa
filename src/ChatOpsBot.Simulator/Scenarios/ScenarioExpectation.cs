namespace ChatOpsBot.Simulator.Scenarios;

/// <summary>What a correct diagnosis of the scenario reports. Ignored by the simulator.</summary>
public sealed record ScenarioExpectation
{
    /// <summary>A cause from the catalogue (network-blocked, unhealthy-targets, none...).</summary>
    public string? RootCause { get; init; }

    public IReadOnlyList<string> Contributing { get; init; } = [];

    /// <summary>Strings the report must mention.</summary>
    public IReadOnlyList<string> Evidence { get; init; } = [];

    /// <summary>The name or ARN to diagnose; default: the first load balancer of the scenario.</summary>
    public string? LoadBalancer { get; init; }

    /// <summary>The CLI's exit code: 0 diagnosed, 2 bad input, 3 AWS access problem, 4 unsupported type.</summary>
    public int ExitCode { get; init; }

    /// <summary>Cause id → expected status (confirmed, ruled-out, inconclusive, not-checked) for causes that matter.</summary>
    public IReadOnlyDictionary<string, string> Statuses { get; init; } = new Dictionary<string, string>();

    /// <summary>When set, the diagnosis this block describes runs with on-instance checks (SSM) and these settings.</summary>
    public ScenarioOnInstance? OnInstance { get; init; }

    /// <summary>What the same scenario diagnoses without on-instance checks (only with <see cref="OnInstance"/>).</summary>
    public ScenarioExpectation? WithoutOnInstance { get; init; }
}
