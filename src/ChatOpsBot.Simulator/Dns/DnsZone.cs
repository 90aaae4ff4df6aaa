using System.Net;
using System.Net.Sockets;
using ChatOpsBot.Simulator.Scenarios;

namespace ChatOpsBot.Simulator.Dns;

/// <summary>The names the simulated resolver knows: the scenario's <c>dns</c> records over the load balancers' defaults.</summary>
internal sealed class DnsZone
{
    private readonly Dictionary<string, ScenarioDnsRecord> _records = new(StringComparer.OrdinalIgnoreCase);

    public DnsZone(Scenario scenario)
    {
        foreach (var lb in scenario.LoadBalancers)
        {
            var addresses = lb.Scheme == "internet-facing" && lb.AvailabilityZones.Any(z => z.PublicAddresses.Count > 0)
                ? lb.AvailabilityZones.SelectMany(z => z.PublicAddresses)
                : lb.AvailabilityZones.SelectMany(z => z.NodeAddresses);
            _records[Normalize(lb.DnsName)] = new ScenarioDnsRecord { Name = lb.DnsName, Addresses = [.. addresses] };
        }

        foreach (var record in scenario.Dns)
        {
            _records[Normalize(record.Name)] = record;
        }
    }

    public static string Normalize(string name) => name.TrimEnd('.');

    /// <summary>Resolves <paramref name="name"/> for A (IPv4) or AAAA (IPv6), following CNAMEs.</summary>
    public DnsAnswer Resolve(string name, AddressFamily family)
    {
        var chain = new List<(string Name, string Target, int Ttl)>();
        var current = Normalize(name);
        for (var hop = 0; hop < 8; hop++)
        {
            if (!_records.TryGetValue(current, out var record))
            {
                return new DnsAnswer(DnsRcode.NameError, chain, []);
            }

            if (record.Rcode is { } rcode && !string.Equals(rcode, "NOERROR", StringComparison.OrdinalIgnoreCase))
            {
                return new DnsAnswer(DnsRcodeNames.Parse(rcode), chain, []);
            }

            if (record.Cname is { } target)
            {
                chain.Add((current, Normalize(target), record.Ttl));
                current = Normalize(target);
                continue;
            }

            var addresses = record.Addresses
                .Select(a => IPAddress.TryParse(a, out var ip) ? ip : null)
                .OfType<IPAddress>()
                .Where(ip => ip.AddressFamily == family)
                .Select(ip => (current, ip, record.Ttl))
                .ToArray();
            return new DnsAnswer(DnsRcode.NoError, chain, addresses);
        }

        return new DnsAnswer(DnsRcode.ServerFailure, chain, []);
    }
}
