using System.Text;
using NSec.Cryptography;

namespace ChatOpsBot.Discord.Security;

/// <summary>
/// Checks Discord's interaction signature: Ed25519 over <c>UTF8(X-Signature-Timestamp)</c> followed by the raw
/// request body bytes, with the application's public key. Never throws on bad input: anything malformed is simply
/// not a valid signature.
/// </summary>
public sealed class InteractionSignatureVerifier
{
    private const int PublicKeyLength = 32;
    private const int SignatureLength = 64;
    private const int MaxTimestampLength = 64;

    private static readonly SignatureAlgorithm Algorithm = SignatureAlgorithm.Ed25519;

    private readonly PublicKey _publicKey;

    /// <param name="publicKeyHex">The Public Key from the Developer Portal: 64 hexadecimal characters.</param>
    /// <exception cref="ArgumentException">The key is not 32 bytes of hex or not a valid Ed25519 point.</exception>
    public InteractionSignatureVerifier(string publicKeyHex)
    {
        ArgumentNullException.ThrowIfNull(publicKeyHex);
        Span<byte> raw = stackalloc byte[PublicKeyLength];
        if (!TryDecodeHex(publicKeyHex, raw)
            || !PublicKey.TryImport(Algorithm, raw, KeyBlobFormat.RawPublicKey, out var key)
            || key is null)
        {
            throw new ArgumentException("Discord:PublicKey must be the 64 hexadecimal characters shown as Public Key in the Developer Portal.", nameof(publicKeyHex));
        }

        _publicKey = key;
    }

    /// <summary>True only when <paramref name="signatureHex"/> is a valid Ed25519 signature of timestamp + body.</summary>
    public bool Verify(string? signatureHex, string? timestamp, ReadOnlySpan<byte> rawBody)
    {
        if (signatureHex is null || timestamp is null || timestamp.Length > MaxTimestampLength)
        {
            return false;
        }

        Span<byte> signature = stackalloc byte[SignatureLength];
        if (!TryDecodeHex(signatureHex, signature))
        {
            return false;
        }

        var timestampLength = Encoding.UTF8.GetByteCount(timestamp);
        var message = new byte[timestampLength + rawBody.Length];
        Encoding.UTF8.GetBytes(timestamp, message);
        rawBody.CopyTo(message.AsSpan(timestampLength));
        return Algorithm.Verify(_publicKey, message, signature);
    }

    /// <summary>Decodes exactly <c>destination.Length</c> bytes of hex (either case); false on any other input.</summary>
    private static bool TryDecodeHex(string hex, Span<byte> destination)
    {
        if (hex.Length != destination.Length * 2)
        {
            return false;
        }

        for (var i = 0; i < destination.Length; i++)
        {
            var high = HexValue(hex[2 * i]);
            var low = HexValue(hex[(2 * i) + 1]);
            if (high < 0 || low < 0)
            {
                return false;
            }

            destination[i] = (byte)((high << 4) | low);
        }

        return true;
    }

    private static int HexValue(char c) => c switch
    {
        >= '0' and <= '9' => c - '0',
        >= 'a' and <= 'f' => c - 'a' + 10,
        >= 'A' and <= 'F' => c - 'A' + 10,
        _ => -1,
    };
}
