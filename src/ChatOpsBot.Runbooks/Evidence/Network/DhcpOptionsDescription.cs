namespace ChatOpsBot.Runbooks.Evidence.Network;

/// <param name="DomainNameServers">Values of <c>domain-name-servers</c> (for example <c>AmazonProvidedDNS</c> or IP addresses).</param>
public sealed record DhcpOptionsDescription(
    string DhcpOptionsId,
    IReadOnlyList<string> DomainNameServers,
    IReadOnlyList<string> DomainNames);
