using System.Buffers.Binary;
using System.Net;
using System.Text;

namespace ChatOpsBot.Aws.Dns;

/// <summary>The little of RFC 1035 the resolver needs: a one-question query and the answer section of a response.</summary>
internal static class DnsMessage
{
    public const ushort TypeA = 1;
    public const ushort TypeCname = 5;
    public const ushort TypeAaaa = 28;

    public static byte[] EncodeQuery(ushort id, string name, ushort type)
    {
        var buffer = new List<byte>(64);
        Span<byte> header = stackalloc byte[12];
        BinaryPrimitives.WriteUInt16BigEndian(header, id);
        BinaryPrimitives.WriteUInt16BigEndian(header[2..], 0x0100); // standard query, recursion desired
        BinaryPrimitives.WriteUInt16BigEndian(header[4..], 1); // QDCOUNT
        buffer.AddRange(header.ToArray());
        foreach (var label in name.TrimEnd('.').Split('.', StringSplitOptions.RemoveEmptyEntries))
        {
            var bytes = Encoding.ASCII.GetBytes(label);
            if (bytes.Length > 63)
            {
                throw new ArgumentException($"The DNS label '{label}' is longer than 63 characters.", nameof(name));
            }

            buffer.Add((byte)bytes.Length);
            buffer.AddRange(bytes);
        }

        buffer.Add(0);
        buffer.Add((byte)(type >> 8));
        buffer.Add((byte)type);
        buffer.Add(0);
        buffer.Add(1); // class IN
        return [.. buffer];
    }

    public static ushort ReadId(ReadOnlySpan<byte> message) =>
        message.Length >= 2 ? BinaryPrimitives.ReadUInt16BigEndian(message) : (ushort)0;

    /// <summary>Parses a response: its RCODE and the answer records (owner, type, data as text).</summary>
    public static DnsResponse Parse(ReadOnlySpan<byte> message)
    {
        if (message.Length < 12)
        {
            throw new FormatException("The DNS response is shorter than its header.");
        }

        var flags = BinaryPrimitives.ReadUInt16BigEndian(message[2..]);
        var questions = BinaryPrimitives.ReadUInt16BigEndian(message[4..]);
        var answers = BinaryPrimitives.ReadUInt16BigEndian(message[6..]);
        var offset = 12;
        for (var i = 0; i < questions; i++)
        {
            _ = ReadName(message, ref offset);
            offset += 4;
        }

        var records = new List<DnsRecord>();
        for (var i = 0; i < answers; i++)
        {
            var owner = ReadName(message, ref offset);
            Ensure(message, offset, 10);
            var type = BinaryPrimitives.ReadUInt16BigEndian(message[offset..]);
            var length = BinaryPrimitives.ReadUInt16BigEndian(message[(offset + 8)..]);
            offset += 10;
            Ensure(message, offset, length);
            var data = message.Slice(offset, length);
            switch (type)
            {
                case TypeA when length == 4:
                case TypeAaaa when length == 16:
                    records.Add(new DnsRecord(owner, type, new IPAddress(data).ToString()));
                    break;
                case TypeCname:
                    var at = offset;
                    records.Add(new DnsRecord(owner, type, ReadName(message, ref at)));
                    break;
                default:
                    break;
            }

            offset += length;
        }

        return new DnsResponse(flags & 0x000F, records);
    }

    private static string ReadName(ReadOnlySpan<byte> message, ref int offset)
    {
        var labels = new List<string>();
        var position = offset;
        var jumped = false;
        for (var hops = 0; hops < 64; hops++)
        {
            Ensure(message, position, 1);
            var length = message[position];
            if (length == 0)
            {
                if (!jumped)
                {
                    offset = position + 1;
                }

                return string.Join('.', labels);
            }

            if ((length & 0xC0) == 0xC0)
            {
                Ensure(message, position, 2);
                var pointer = ((length & 0x3F) << 8) | message[position + 1];
                if (!jumped)
                {
                    offset = position + 2;
                }

                jumped = true;
                position = pointer;
                continue;
            }

            Ensure(message, position + 1, length);
            labels.Add(Encoding.ASCII.GetString(message.Slice(position + 1, length)));
            position += 1 + length;
        }

        throw new FormatException("The DNS response has a name with too many compression hops.");
    }

    private static void Ensure(ReadOnlySpan<byte> message, int offset, int count)
    {
        if (offset < 0 || offset + count > message.Length)
        {
            throw new FormatException("The DNS response is truncated.");
        }
    }
}
