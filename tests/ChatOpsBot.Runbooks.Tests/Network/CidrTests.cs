using System.Net;
using ChatOpsBot.Runbooks.Network;

namespace ChatOpsBot.Runbooks.Tests.Network;

public sealed class CidrTests
{
    [Theory]
    [InlineData("10.0.1.0/24", "10.0.1.10", true)]
    [InlineData("10.0.1.0/24", "10.0.1.255", true)]
    [InlineData("10.0.1.0/24", "10.0.2.1", false)]
    [InlineData("10.0.0.0/16", "10.0.200.7", true)]
    [InlineData("10.0.0.0/8", "11.0.0.1", false)]
    [InlineData("0.0.0.0/0", "203.0.113.5", true)]
    [InlineData("10.0.1.10/32", "10.0.1.10", true)]
    [InlineData("10.0.1.10/32", "10.0.1.11", false)]
    [InlineData("10.0.1.10", "10.0.1.10", true)]
    [InlineData("10.0.1.77/24", "10.0.1.200", true)]
    [InlineData("10.0.1.77/24", "10.0.2.200", false)]
    [InlineData("172.31.255.255/12", "172.16.0.1", true)]
    [InlineData(" 10.0.1.0/24 ", "10.0.1.1", true)]
    [InlineData("2001:db8::/32", "2001:db8:1::1", true)]
    [InlineData("2001:db8::/32", "2001:db9::1", false)]
    [InlineData("2001:db8::1234/64", "2001:db8::ffff", true)]
    [InlineData("2001:db8::1/128", "2001:db8::1", true)]
    [InlineData("2001:db8::1/128", "2001:db8::2", false)]
    [InlineData("::/0", "2001:db8::1", true)]
    [InlineData("::/0", "10.0.1.10", false)]
    [InlineData("0.0.0.0/0", "2001:db8::1", false)]
    [InlineData("10.0.1.0/24", "::ffff:10.0.1.10", true)]
    public void Contains_AddressAndBlock_MatchesOnlyInsideSameFamily(string cidr, string address, bool expected)
    {
        Assert.True(Cidr.TryParseAddress(address, out var ip));

        Assert.Equal(expected, Cidr.Contains(cidr, ip));
    }

    [Theory]
    [InlineData("10.0.0.0/33")]
    [InlineData("2001:db8::/129")]
    [InlineData("10.0.0.0/-1")]
    [InlineData("10.0.0.0/")]
    [InlineData("10.1/16")]
    [InlineData("garbage")]
    [InlineData("")]
    [InlineData(null)]
    public void TryParse_Malformed_ReturnsFalse(string? text)
    {
        Assert.False(Cidr.TryParse(text, out _));
        Assert.False(Cidr.Contains(text, IPAddress.Parse("10.0.0.1")));
    }

    [Theory]
    [InlineData("10.0.1.77/24", "10.0.1.0/24")]
    [InlineData("10.255.255.255/0", "0.0.0.0/0")]
    [InlineData("2001:db8::1234/64", "2001:db8::/64")]
    [InlineData("2001:db8:ffff::1/36", "2001:db8:f000::/36")]
    [InlineData("2001:db8:ffff::1/20", "2001::/20")]
    public void TryParse_HostBitsSet_ClearsThem(string text, string expected)
    {
        Assert.True(Cidr.TryParse(text, out var network));

        Assert.Equal(IPNetwork.Parse(expected), network);
    }
}
