using System.Buffers.Binary;
using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace ChatOpsBot.Aws.Tests.Infrastructure;

/// <summary>A UDP DNS server on 127.0.0.1:0 answering from a table; a null answer drops the packet.</summary>
public sealed class FakeDnsServer : IAsyncDisposable
{
    private readonly UdpClient _socket = new(new IPEndPoint(IPAddress.Loopback, 0));
    private readonly CancellationTokenSource _stop = new();
    private readonly Func<string, ushort, int, Answer?> _answer;
    private readonly ConcurrentQueue<(string Name, ushort Type)> _queries = new();
    private readonly Task _loop;

    public FakeDnsServer(Func<string, ushort, int, Answer?> answer)
    {
        _answer = answer;
        _loop = Task.Run(LoopAsync);
    }

    public IPEndPoint EndPoint => (IPEndPoint)_socket.Client.LocalEndPoint!;

    public IReadOnlyList<(string Name, ushort Type)> Queries => [.. _queries];

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _socket.Dispose();
        try
        {
            await _loop;
        }
        catch (Exception ex) when (ex is OperationCanceledException or ObjectDisposedException or SocketException)
        {
        }

        _stop.Dispose();
    }

    private async Task LoopAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            var received = await _socket.ReceiveAsync(_stop.Token);
            var query = received.Buffer;
            var (name, end) = ReadQuestion(query);
            var type = BinaryPrimitives.ReadUInt16BigEndian(query.AsSpan(end));
            var seen = _queries.Count(q => q.Name == name && q.Type == type);
            _queries.Enqueue((name, type));
            if (_answer(name, type, seen) is { } answer)
            {
                var response = Encode(query, end + 4, answer);
                await _socket.SendAsync(response, received.RemoteEndPoint, _stop.Token);
            }
        }
    }

    private static (string Name, int End) ReadQuestion(byte[] query)
    {
        var labels = new List<string>();
        var offset = 12;
        while (query[offset] != 0)
        {
            labels.Add(Encoding.ASCII.GetString(query, offset + 1, query[offset]));
            offset += query[offset] + 1;
        }

        return (string.Join('.', labels), offset + 1);
    }

    private static byte[] Encode(byte[] query, int questionEnd, Answer answer)
    {
        var bytes = new List<byte>();
        bytes.AddRange(query[..2]);
        bytes.AddRange([0x81, (byte)(0x80 | answer.ResponseCode)]);
        bytes.AddRange([0, 1, 0, (byte)answer.Records.Count, 0, 0, 0, 0]);
        bytes.AddRange(query[12..questionEnd]);
        foreach (var (owner, type, data) in answer.Records)
        {
            bytes.AddRange(owner is null ? [0xC0, 0x0C] : EncodeName(owner));
            bytes.AddRange([(byte)(type >> 8), (byte)type, 0, 1, 0, 0, 0, 60]);
            var rdata = type == 5 ? EncodeName(data) : IPAddress.Parse(data).GetAddressBytes();
            bytes.AddRange([(byte)(rdata.Length >> 8), (byte)rdata.Length]);
            bytes.AddRange(rdata);
        }

        return [.. bytes];
    }

    private static byte[] EncodeName(string name) =>
        [.. name.Split('.').SelectMany(l => new[] { (byte)l.Length }.Concat(Encoding.ASCII.GetBytes(l))), 0];

    /// <param name="Records">Owner (null = the question name, compressed), type, data (address or CNAME target).</param>
    public sealed record Answer(int ResponseCode, IReadOnlyList<(string? Owner, ushort Type, string Data)> Records);
}
