using System.Net;

namespace ChatOpsBot.Simulator.Dns;

internal sealed record DnsAnswer(
    DnsRcode Rcode,
    IReadOnlyList<(string Name, string Target, int Ttl)> Cnames,
    IReadOnlyList<(string Name, IPAddress Address, int Ttl)> Addresses);
