namespace ChatOpsBot.Simulator.Dns;

internal static class DnsRcodeNames
{
    public static DnsRcode Parse(string name) => name.ToUpperInvariant() switch
    {
        "NOERROR" => DnsRcode.NoError,
        "FORMERR" => DnsRcode.FormatError,
        "SERVFAIL" => DnsRcode.ServerFailure,
        "NXDOMAIN" => DnsRcode.NameError,
        "NOTIMP" => DnsRcode.NotImplemented,
        "REFUSED" => DnsRcode.Refused,
        _ => throw new InvalidDataException($"Unknown DNS rcode '{name}' (use NOERROR, NXDOMAIN, SERVFAIL, REFUSED)."),
    };
}
