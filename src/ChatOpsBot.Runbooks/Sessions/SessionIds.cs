using System.Security.Cryptography;

namespace ChatOpsBot.Runbooks.Sessions;

/// <summary>Short, unguessable, lower-case session ids that fit a Discord custom_id, read well in chat and are easy
/// to type after <c>transcript show</c>.</summary>
public static class SessionIds
{
    private const string Alphabet = "abcdefghijkmnpqrstuvwxyz23456789";

    public static string New()
    {
        Span<byte> bytes = stackalloc byte[10];
        RandomNumberGenerator.Fill(bytes);
        Span<char> chars = stackalloc char[10];
        for (var i = 0; i < chars.Length; i++)
        {
            chars[i] = Alphabet[bytes[i] % Alphabet.Length];
        }

        return new string(chars);
    }
}
