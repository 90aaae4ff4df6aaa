using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using ChatOpsBot.Runbooks.Evidence.Dns;

namespace ChatOpsBot.Aws.Dns;

/// <summary>Asks one DNS server directly over UDP for A and AAAA records, following CNAMEs in the answer.
/// Each question times out after 2 s and is asked once more.</summary>
internal sealed class UdpNameResolver(IPEndPoint server, TimeProvider time) : INameResolver
{
    public static readonly TimeSpan AttemptTimeout = TimeSpan.FromSeconds(2);
    public const int Attempts = 2;
    private const int MaxCnameHops = 16;

    public string Name { get; } = server.ToString();

    public async Task<NameResolution> ResolveAsync(string hostName, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(hostName);
        var name = hostName.Trim().TrimEnd('.');
        var a = AskAsync(name, DnsMessage.TypeA, cancellationToken);
        var aaaa = AskAsync(name, DnsMessage.TypeAaaa, cancellationToken);
        await Task.WhenAll(a, aaaa).ConfigureAwait(false);
        var answers = new[] { await a.ConfigureAwait(false), await aaaa.ConfigureAwait(false) };

        var addresses = new List<string>();
        foreach (var response in answers.OfType<DnsResponse>())
        {
            var names = FollowCnames(name, response.Answers);
            addresses.AddRange(response.Answers
                .Where(r => r.Type is DnsMessage.TypeA or DnsMessage.TypeAaaa && names.Contains(r.Owner.TrimEnd('.')))
                .Select(r => r.Data));
        }

        var distinct = addresses.Distinct(StringComparer.Ordinal).ToList();
        if (distinct.Count > 0)
        {
            return new NameResolution(name, distinct, null, Name);
        }

        string error;
        if (answers.Any(r => r?.ResponseCode == 3))
        {
            error = "NXDOMAIN";
        }
        else if (answers.Any(r => r?.ResponseCode == 2))
        {
            error = "SERVFAIL";
        }
        else if (answers.FirstOrDefault(r => r is { ResponseCode: not 0 }) is { } other)
        {
            error = $"RCODE {other.ResponseCode}";
        }
        else if (answers.All(r => r is null))
        {
            error = "timeout";
        }
        else
        {
            error = "NODATA";
        }

        return new NameResolution(name, [], error, Name);
    }

    internal static HashSet<string> FollowCnames(string name, IReadOnlyList<DnsRecord> answers)
    {
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { name };
        for (var hop = 0; hop < MaxCnameHops; hop++)
        {
            var added = false;
            foreach (var record in answers.Where(r => r.Type == DnsMessage.TypeCname && names.Contains(r.Owner.TrimEnd('.'))))
            {
                added |= names.Add(record.Data.TrimEnd('.'));
            }

            if (!added)
            {
                break;
            }
        }

        return names;
    }

    /// <summary>The response, or null when both attempts timed out or failed at the socket.</summary>
    private async Task<DnsResponse?> AskAsync(string name, ushort type, CancellationToken cancellationToken)
    {
        for (var attempt = 1; attempt <= Attempts; attempt++)
        {
            var id = (ushort)RandomNumberGenerator.GetInt32(ushort.MaxValue + 1);
            var query = DnsMessage.EncodeQuery(id, name, type);
            using var timeout = new CancellationTokenSource(AttemptTimeout, time);
            using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
            try
            {
                using var socket = new UdpClient(server.AddressFamily);
                socket.Connect(server);
                await socket.SendAsync(query, linked.Token).ConfigureAwait(false);
                while (true)
                {
                    var received = await socket.ReceiveAsync(linked.Token).ConfigureAwait(false);
                    if (DnsMessage.ReadId(received.Buffer) == id)
                    {
                        return DnsMessage.Parse(received.Buffer);
                    }
                }
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                // timed out: ask once more
            }
            catch (SocketException)
            {
                // ICMP port unreachable and the like: ask once more
            }
            catch (FormatException)
            {
                // a malformed answer is no answer
            }
        }

        return null;
    }
}
