using System.Buffers.Binary;
using System.Net.Sockets;
using System.Text;

namespace ChatOpsBot.Simulator.Dns;

/// <summary>RFC 1035 wire format: parses one-question queries and builds answers (A, AAAA, CNAME).</summary>
internal static class DnsMessage
{
    public const ushort TypeA = 1;
    public const ushort TypeCname = 5;
    public const ushort TypeAaaa = 28;
    private const ushort ClassIn = 1;

    /// <summary>Builds the reply to <paramref name="query"/>, or null when it is too broken to answer at all.</summary>
    public static byte[]? Answer(ReadOnlySpan<byte> query, DnsZone zone)
    {
        if (query.Length < 12)
        {
            return null;
        }

        var id = BinaryPrimitives.ReadUInt16BigEndian(query);
        var flags = BinaryPrimitives.ReadUInt16BigEndian(query[2..]);
        if ((flags & 0x8000) != 0)
        {
            return null;
        }

        var questions = BinaryPrimitives.ReadUInt16BigEndian(query[4..]);
        var offset = 12;
        if (questions != 1 || !TryReadName(query, ref offset, out var name) || offset + 4 > query.Length)
        {
            return Header(id, flags, DnsRcode.FormatError, 0, 0);
        }

        var qtype = BinaryPrimitives.ReadUInt16BigEndian(query[offset..]);
        var questionBytes = query[12..(offset + 4)];
        var opcode = (flags >> 11) & 0xF;
        if (opcode != 0)
        {
            return Header(id, flags, DnsRcode.NotImplemented, 0, 0);
        }

        var answer = qtype switch
        {
            TypeA => zone.Resolve(name, AddressFamily.InterNetwork),
            TypeAaaa => zone.Resolve(name, AddressFamily.InterNetworkV6),
            _ => zone.Resolve(name, AddressFamily.Unspecified),
        };

        using var body = new MemoryStream();
        body.Write(questionBytes);
        foreach (var (owner, target, ttl) in answer.Cnames)
        {
            var rdata = EncodeName(target);
            WriteRecord(body, owner, TypeCname, ttl, rdata);
        }

        foreach (var (owner, address, ttl) in answer.Addresses)
        {
            WriteRecord(body, owner, address.AddressFamily == AddressFamily.InterNetwork ? TypeA : TypeAaaa, ttl, address.GetAddressBytes());
        }

        var header = Header(id, flags, answer.Rcode, 1, (ushort)(answer.Cnames.Count + answer.Addresses.Count));
        return [.. header, .. body.ToArray()];
    }

    private static byte[] Header(ushort id, ushort queryFlags, DnsRcode rcode, ushort questions, ushort answers)
    {
        var header = new byte[12];
        BinaryPrimitives.WriteUInt16BigEndian(header, id);
        var flags = (ushort)(0x8000 | (queryFlags & 0x7800) | 0x0400 | (queryFlags & 0x0100) | 0x0080 | (int)rcode);
        BinaryPrimitives.WriteUInt16BigEndian(header.AsSpan(2), flags);
        BinaryPrimitives.WriteUInt16BigEndian(header.AsSpan(4), questions);
        BinaryPrimitives.WriteUInt16BigEndian(header.AsSpan(6), answers);
        return header;
    }

    private static void WriteRecord(MemoryStream stream, string owner, ushort type, int ttl, byte[] rdata)
    {
        stream.Write(EncodeName(owner));
        Span<byte> fixedPart = stackalloc byte[10];
        BinaryPrimitives.WriteUInt16BigEndian(fixedPart, type);
        BinaryPrimitives.WriteUInt16BigEndian(fixedPart[2..], ClassIn);
        BinaryPrimitives.WriteInt32BigEndian(fixedPart[4..], ttl);
        BinaryPrimitives.WriteUInt16BigEndian(fixedPart[8..], (ushort)rdata.Length);
        stream.Write(fixedPart);
        stream.Write(rdata);
    }

    internal static byte[] EncodeName(string name)
    {
        using var stream = new MemoryStream();
        foreach (var label in DnsZone.Normalize(name).Split('.', StringSplitOptions.RemoveEmptyEntries))
        {
            var bytes = Encoding.ASCII.GetBytes(label);
            stream.WriteByte((byte)Math.Min(bytes.Length, 63));
            stream.Write(bytes.AsSpan(0, Math.Min(bytes.Length, 63)));
        }

        stream.WriteByte(0);
        return stream.ToArray();
    }

    private static bool TryReadName(ReadOnlySpan<byte> message, ref int offset, out string name)
    {
        var labels = new List<string>();
        name = "";
        while (offset < message.Length)
        {
            var length = message[offset++];
            if (length == 0)
            {
                name = string.Join('.', labels);
                return true;
            }

            if ((length & 0xC0) != 0 || offset + length > message.Length)
            {
                return false;
            }

            labels.Add(Encoding.ASCII.GetString(message.Slice(offset, length)));
            offset += length;
        }

        return false;
    }
}
