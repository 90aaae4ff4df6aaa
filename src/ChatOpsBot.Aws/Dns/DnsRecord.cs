namespace ChatOpsBot.Aws.Dns;

internal sealed record DnsRecord(string Owner, ushort Type, string Data);
