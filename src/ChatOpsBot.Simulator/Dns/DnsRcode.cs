namespace ChatOpsBot.Simulator.Dns;

/// <summary>RFC 1035 response codes the simulator answers with.</summary>
internal enum DnsRcode
{
    NoError = 0,
    FormatError = 1,
    ServerFailure = 2,
    NameError = 3,
    NotImplemented = 4,
    Refused = 5,
}
