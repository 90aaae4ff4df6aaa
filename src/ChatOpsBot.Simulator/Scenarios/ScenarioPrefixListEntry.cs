namespace ChatOpsBot.Simulator.Scenarios;

public sealed record ScenarioPrefixListEntry
{
    public required string Cidr { get; init; }

    public string? Description { get; init; }
}
