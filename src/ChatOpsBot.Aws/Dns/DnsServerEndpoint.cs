using System.Net;

namespace ChatOpsBot.Aws.Dns;

/// <summary>Parses a DNS server setting: <c>127.0.0.1</c>, <c>127.0.0.1:5353</c>, <c>[::1]:5353</c> (port 53 by default).</summary>
internal static class DnsServerEndpoint
{
    public static bool TryParse(string? text, out IPEndPoint endpoint)
    {
        endpoint = null!;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        text = text.Trim();
        if (IPAddress.TryParse(text, out var bare))
        {
            endpoint = new IPEndPoint(bare, 53);
            return true;
        }

        if (IPEndPoint.TryParse(text, out var parsed) && parsed.Port != 0)
        {
            endpoint = parsed;
            return true;
        }

        return false;
    }
}
