using System.Net.Sockets;
using ChatOpsBot.Runbooks.Evidence.Dns;

namespace ChatOpsBot.Aws.Dns;

/// <summary>Resolves through the operating system (<see cref="System.Net.Dns"/>), as a client of the load balancer would.</summary>
internal sealed class SystemNameResolver : INameResolver
{
    public const string Name = "system";

    public async Task<NameResolution> ResolveAsync(string hostName, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(hostName);
        var name = hostName.Trim().TrimEnd('.');
        try
        {
            var addresses = await System.Net.Dns.GetHostAddressesAsync(name, cancellationToken).ConfigureAwait(false);
            var texts = addresses.Select(a => a.ToString()).Distinct(StringComparer.Ordinal).ToList();
            return new NameResolution(name, texts, texts.Count == 0 ? "NODATA" : null, Name);
        }
        catch (SocketException ex)
        {
            var error = ex.SocketErrorCode switch
            {
                SocketError.HostNotFound => "NXDOMAIN",
                SocketError.TryAgain => "SERVFAIL",
                SocketError.NoData => "NODATA",
                SocketError.TimedOut => "timeout",
                _ => ex.SocketErrorCode.ToString(),
            };
            return new NameResolution(name, [], error, Name);
        }
    }
}
