namespace ChatOpsBot.Simulator.Scenarios;

public sealed record ScenarioSsm
{
    public IReadOnlyList<ScenarioManagedInstance> ManagedInstances { get; init; } = [];

    /// <summary>What a <c>SendCommand</c> to an instance eventually answers, by instance id.</summary>
    public IReadOnlyDictionary<string, ScenarioCommandOutput> CommandOutputs { get; init; } = new Dictionary<string, ScenarioCommandOutput>();
}
