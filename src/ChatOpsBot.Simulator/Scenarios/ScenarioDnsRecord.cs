namespace ChatOpsBot.Simulator.Scenarios;

/// <summary>
/// One DNS name the simulator's resolver knows: addresses (A/AAAA by family), a CNAME, or a forced rcode.
/// </summary>
public sealed record ScenarioDnsRecord
{
    public required string Name { get; init; }

    public IReadOnlyList<string> Addresses { get; init; } = [];

    public string? Cname { get; init; }

    /// <summary>NOERROR (default), NXDOMAIN, SERVFAIL or REFUSED.</summary>
    public string? Rcode { get; init; }

    public int Ttl { get; init; } = 60;
}
