using ChatOpsBot.Runbooks.Evidence.Dns;

namespace ChatOpsBot.Runbooks.Tests.Support;

/// <summary>DNS over a <see cref="FakeAwsAccount"/>: unknown names answer NXDOMAIN, as a resolver would.</summary>
internal sealed class FakeNameResolver(FakeAwsAccount account) : INameResolver
{
    public Task<NameResolution> ResolveAsync(string hostName, CancellationToken cancellationToken) =>
        account.CallAsync("dns", "Resolve", () => account.DnsAnswers.GetValueOrDefault(hostName) ?? new NameResolution(hostName, [], "NXDOMAIN", "system"), cancellationToken);
}
