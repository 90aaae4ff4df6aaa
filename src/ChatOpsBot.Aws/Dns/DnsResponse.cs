namespace ChatOpsBot.Aws.Dns;

/// <param name="ResponseCode">RFC 1035 RCODE: 0 no error, 2 SERVFAIL, 3 NXDOMAIN.</param>
internal sealed record DnsResponse(int ResponseCode, IReadOnlyList<DnsRecord> Answers);
