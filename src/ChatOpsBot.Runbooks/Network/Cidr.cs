using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace ChatOpsBot.Runbooks.Network;

/// <summary>CIDR parsing and containment for IPv4 (/0-/32) and IPv6 (/0-/128). Host bits set after the prefix
/// (<c>10.0.1.5/24</c>) are cleared, as EC2 does, instead of being rejected as <see cref="IPNetwork"/> would.</summary>
internal static class Cidr
{
    /// <summary>Parses <c>address/prefix</c>; a bare address is a host route (/32 or /128).</summary>
    public static bool TryParse(string? text, out IPNetwork network)
    {
        network = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var trimmed = text.Trim();
        var slash = trimmed.IndexOf('/', StringComparison.Ordinal);
        var addressText = slash < 0 ? trimmed : trimmed[..slash];
        if (!TryParseAddress(addressText, out var address))
        {
            return false;
        }

        var maxPrefix = address.AddressFamily == AddressFamily.InterNetwork ? 32 : 128;
        var prefix = maxPrefix;
        if (slash >= 0)
        {
            var prefixText = trimmed[(slash + 1)..];
            if (prefixText.Length is 0 or > 3
                || !prefixText.All(char.IsAsciiDigit)
                || !int.TryParse(prefixText, NumberStyles.None, CultureInfo.InvariantCulture, out prefix)
                || prefix > maxPrefix)
            {
                return false;
            }
        }

        network = new IPNetwork(Mask(address, prefix), prefix);
        return true;
    }

    /// <summary>Parses a single IPv4 or IPv6 address strictly (four dotted parts for IPv4, no zone id);
    /// an IPv4-mapped IPv6 address is returned as IPv4.</summary>
    public static bool TryParseAddress(string? text, out IPAddress address)
    {
        address = IPAddress.None;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var trimmed = text.Trim();
        if (trimmed.Contains('%', StringComparison.Ordinal) || !IPAddress.TryParse(trimmed, out var parsed))
        {
            return false;
        }

        if (parsed.AddressFamily == AddressFamily.InterNetwork && trimmed.Count(c => c == '.') != 3)
        {
            return false;
        }

        address = parsed.IsIPv4MappedToIPv6 ? parsed.MapToIPv4() : parsed;
        return address.AddressFamily is AddressFamily.InterNetwork or AddressFamily.InterNetworkV6;
    }

    /// <summary>True when <paramref name="cidr"/> parses and contains <paramref name="address"/>. An IPv4 address is
    /// never inside an IPv6 block and vice versa (so <c>::/0</c> does not match <c>10.0.1.10</c>).</summary>
    public static bool Contains(string? cidr, IPAddress address) =>
        TryParse(cidr, out var network) && network.Contains(address);

    private static IPAddress Mask(IPAddress address, int prefix)
    {
        var bytes = address.GetAddressBytes();
        for (var i = 0; i < bytes.Length; i++)
        {
            var bitsInThisByte = Math.Clamp(prefix - (i * 8), 0, 8);
            bytes[i] &= (byte)(0xFF << (8 - bitsInThisByte));
        }

        return new IPAddress(bytes);
    }
}
