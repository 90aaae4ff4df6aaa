namespace ChatOpsBot.Simulator.Scenarios;

public sealed record ScenarioDhcpOptions
{
    public required string DhcpOptionsId { get; init; }

    /// <summary>DHCP configuration keys (domain-name, domain-name-servers, ntp-servers...) and their values.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Configurations { get; init; } = new Dictionary<string, IReadOnlyList<string>>();
}
