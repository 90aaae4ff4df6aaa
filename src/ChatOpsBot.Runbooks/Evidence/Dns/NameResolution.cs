namespace ChatOpsBot.Runbooks.Evidence.Dns;

/// <param name="Addresses">IPv4/IPv6 addresses the name resolved to (empty when it did not).</param>
/// <param name="Error">Why it did not resolve (NXDOMAIN, SERVFAIL, timeout), or null.</param>
/// <param name="Resolver">Which resolver answered (for example <c>system</c> or <c>127.0.0.1:5353</c>).</param>
public sealed record NameResolution(string Name, IReadOnlyList<string> Addresses, string? Error, string Resolver);
