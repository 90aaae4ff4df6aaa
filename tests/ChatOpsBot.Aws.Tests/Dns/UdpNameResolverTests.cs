using ChatOpsBot.Aws.Dns;
using ChatOpsBot.Aws.Tests.Infrastructure;
using Microsoft.Extensions.Time.Testing;
using Answer = ChatOpsBot.Aws.Tests.Infrastructure.FakeDnsServer.Answer;

namespace ChatOpsBot.Aws.Tests.Dns;

public sealed class UdpNameResolverTests
{
    [Fact]
    public async Task Resolve_AAndAaaa_ReturnsBothAndNamesTheServer()
    {
        await using var server = new FakeDnsServer((_, type, _) => type == 1
            ? new Answer(0, [(null, 1, "192.0.2.10"), (null, 1, "192.0.2.11")])
            : new Answer(0, [(null, 28, "2001:db8::1")]));
        var resolver = new UdpNameResolver(server.EndPoint, TimeProvider.System);

        var result = await resolver.ResolveAsync("my-alb.example.test.", CancellationToken.None);

        Assert.Equal("my-alb.example.test", result.Name);
        Assert.Equal(["192.0.2.10", "192.0.2.11", "2001:db8::1"], result.Addresses);
        Assert.Null(result.Error);
        Assert.Equal(server.EndPoint.ToString(), result.Resolver);
        Assert.Equal([("my-alb.example.test", (ushort)1), ("my-alb.example.test", (ushort)28)], server.Queries.OrderBy(q => q.Type));
    }

    [Fact]
    public async Task Resolve_CnameChainInTheAnswer_FollowsItToTheAddresses()
    {
        await using var server = new FakeDnsServer((_, type, _) => type == 1
            ? new Answer(0, [
                (null, 5, "edge.example.test"),
                ("edge.example.test", 5, "my-alb-123.us-west-2.elb.amazonaws.com"),
                ("my-alb-123.us-west-2.elb.amazonaws.com", 1, "198.51.100.7"),
                ("unrelated.example.test", 1, "203.0.113.9"),
            ])
            : new Answer(0, [(null, 5, "edge.example.test")]));
        var resolver = new UdpNameResolver(server.EndPoint, TimeProvider.System);

        var result = await resolver.ResolveAsync("www.example.test", CancellationToken.None);

        Assert.Equal(["198.51.100.7"], result.Addresses);
        Assert.Null(result.Error);
    }

    [Theory]
    [InlineData(3, "NXDOMAIN")]
    [InlineData(2, "SERVFAIL")]
    [InlineData(5, "RCODE 5")]
    public async Task Resolve_ErrorResponseCode_ReportedAsError(int rcode, string error)
    {
        await using var server = new FakeDnsServer((_, _, _) => new Answer(rcode, []));
        var resolver = new UdpNameResolver(server.EndPoint, TimeProvider.System);

        var result = await resolver.ResolveAsync("missing.example.test", CancellationToken.None);

        Assert.Empty(result.Addresses);
        Assert.Equal(error, result.Error);
    }

    [Fact]
    public async Task Resolve_NoRecords_IsNoData()
    {
        await using var server = new FakeDnsServer((_, _, _) => new Answer(0, []));

        var result = await new UdpNameResolver(server.EndPoint, TimeProvider.System).ResolveAsync("empty.example.test", CancellationToken.None);

        Assert.Equal("NODATA", result.Error);
    }

    [Fact]
    public async Task Resolve_FirstPacketLost_AsksOnceMoreAfterTwoSeconds()
    {
        await using var server = new FakeDnsServer((_, type, seen) => seen == 0 ? null : new Answer(0, type == 1 ? [(null, 1, "192.0.2.1")] : []));
        var time = new FakeTimeProvider();
        var resolver = new UdpNameResolver(server.EndPoint, time);

        var result = await TestAws.DriveAsync(resolver.ResolveAsync("slow.example.test", CancellationToken.None), time, TimeSpan.FromMilliseconds(500));

        Assert.Equal(["192.0.2.1"], result.Addresses);
        Assert.Equal(4, server.Queries.Count);
    }

    [Fact]
    public async Task Resolve_ServerSilent_TimesOutAfterTwoAttempts()
    {
        await using var server = new FakeDnsServer((_, _, _) => null);
        var time = new FakeTimeProvider();
        var resolver = new UdpNameResolver(server.EndPoint, time);

        var result = await TestAws.DriveAsync(resolver.ResolveAsync("silent.example.test", CancellationToken.None), time, TimeSpan.FromMilliseconds(500));

        Assert.Equal("timeout", result.Error);
        Assert.Empty(result.Addresses);
        Assert.Equal(4, server.Queries.Count);
    }

    [Theory]
    [InlineData("127.0.0.1:5353", true)]
    [InlineData("127.0.0.1", true)]
    [InlineData("[::1]:53", true)]
    [InlineData("dns.example.com:53", false)]
    [InlineData("127.0.0.1:0", false)]
    public void DnsServerEndpoint_Parse(string text, bool valid) => Assert.Equal(valid, DnsServerEndpoint.TryParse(text, out _));
}
