namespace ChatOpsBot.Simulator.Scenarios;

public sealed record ScenarioPrefixList
{
    public required string PrefixListId { get; init; }

    public required string PrefixListName { get; init; }

    /// <summary>IPv4 or IPv6.</summary>
    public string AddressFamily { get; init; } = "IPv4";

    public int MaxEntries { get; init; } = 10;

    public string State { get; init; } = "create-complete";

    /// <summary>Defaults to the scenario account; AWS-managed lists use <c>AWS</c>.</summary>
    public string? OwnerId { get; init; }

    public IReadOnlyList<ScenarioPrefixListEntry> Entries { get; init; } = [];
}
