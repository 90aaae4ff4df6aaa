using System.Buffers.Binary;
using System.Net;
using System.Net.Sockets;
using System.Text;
using ChatOpsBot.Simulator.Scenarios;

namespace ChatOpsBot.Simulator.Tests.Dns;

public sealed class DnsServerTests
{
    private static byte[] Query(ushort id, string name, ushort type)
    {
        var bytes = new List<byte> { (byte)(id >> 8), (byte)id, 0x01, 0x00, 0, 1, 0, 0, 0, 0, 0, 0 };
        foreach (var label in name.Split('.'))
        {
            bytes.Add((byte)label.Length);
            bytes.AddRange(Encoding.ASCII.GetBytes(label));
        }

        bytes.AddRange([0, (byte)(type >> 8), (byte)type, 0, 1]);
        return [.. bytes];
    }

    /// <summary>Sends one query; returns rcode and the addresses of A/AAAA answers (skipping CNAMEs).</summary>
    private static async Task<(int Rcode, ushort Id, List<IPAddress> Addresses, int Answers)> AskAsync(IPEndPoint server, string name, ushort type = 1)
    {
        using var udp = new UdpClient(AddressFamily.InterNetwork);
        var query = Query(0xBEEF, name, type);
        await udp.SendAsync(query, server);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        var reply = (await udp.ReceiveAsync(timeout.Token)).Buffer;

        var id = BinaryPrimitives.ReadUInt16BigEndian(reply);
        var rcode = reply[3] & 0x0F;
        var answers = BinaryPrimitives.ReadUInt16BigEndian(reply.AsSpan(6));
        var offset = query.Length; // the question is echoed verbatim
        var addresses = new List<IPAddress>();
        for (var i = 0; i < answers; i++)
        {
            while (reply[offset] != 0)
            {
                if ((reply[offset] & 0xC0) == 0xC0)
                {
                    offset++;
                    break;
                }

                offset += reply[offset] + 1;
            }

            offset++;
            var rrType = BinaryPrimitives.ReadUInt16BigEndian(reply.AsSpan(offset));
            var length = BinaryPrimitives.ReadUInt16BigEndian(reply.AsSpan(offset + 8));
            offset += 10;
            if (rrType is 1 or 28)
            {
                addresses.Add(new IPAddress(reply.AsSpan(offset, length)));
            }

            offset += length;
        }

        return (rcode, id, addresses, answers);
    }

    [Fact]
    public async Task LoadBalancerDnsName_ResolvesToItsNodesPublicAddresses()
    {
        await using var sim = await SimulatorHarness.StartAsync("healthy-baseline");

        var (rcode, id, addresses, _) = await AskAsync(sim.Aws.DnsEndpoint, "demo-alb-1581203746.us-east-1.elb.amazonaws.com");

        Assert.Equal(0, rcode);
        Assert.Equal(0xBEEF, id);
        Assert.Equal(["3.222.140.9", "54.210.33.17"], addresses.Select(a => a.ToString()).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task UnknownName_IsNxdomain()
    {
        await using var sim = await SimulatorHarness.StartAsync("healthy-baseline");

        var (rcode, _, addresses, _) = await AskAsync(sim.Aws.DnsEndpoint, "nothing.example.com");

        Assert.Equal(3, rcode);
        Assert.Empty(addresses);
    }

    [Fact]
    public async Task ScenarioRecords_CnameChainAaaaAndServfail()
    {
        var scenario = ScenarioCatalog.Load("healthy-baseline") with
        {
            Dns =
            [
                new ScenarioDnsRecord { Name = "www.example.com", Cname = "demo-alb-1581203746.us-east-1.elb.amazonaws.com" },
                new ScenarioDnsRecord { Name = "v6.example.com", Addresses = ["2600:1f18::1", "10.0.0.1"] },
                new ScenarioDnsRecord { Name = "broken.example.com", Rcode = "SERVFAIL" },
            ],
        };
        await using var sim = await SimulatorHarness.StartAsync(scenario);

        var www = await AskAsync(sim.Aws.DnsEndpoint, "www.example.com");
        var v6 = await AskAsync(sim.Aws.DnsEndpoint, "v6.example.com", 28);
        var broken = await AskAsync(sim.Aws.DnsEndpoint, "broken.example.com");

        Assert.Equal(0, www.Rcode);
        Assert.Equal(3, www.Answers); // CNAME + two A records
        Assert.Equal(2, www.Addresses.Count);
        Assert.Equal("2600:1f18::1", Assert.Single(v6.Addresses).ToString());
        Assert.Equal(2, broken.Rcode);
    }
}
