namespace ChatOpsBot.Simulator.Scenarios;

/// <summary>What the simulated Security Token Service lets the caller assume.</summary>
public sealed record ScenarioSts
{
    /// <summary>The IAM identity of the simulator's base key (default <c>arn:aws:iam::&lt;accountId&gt;:user/chatops-bot</c>).</summary>
    public string? CallerArn { get; init; }

    /// <summary>Roles whose trust policy lets the caller assume them.</summary>
    public IReadOnlyList<ScenarioRole> Roles { get; init; } = [];
}
