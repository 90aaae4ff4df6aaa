using System.Collections.Concurrent;
using System.Security.Cryptography;

namespace ChatOpsBot.Simulator.Sts;

/// <summary>
/// The keys the simulator accepts: its long-term key, and every temporary key STS issued (valid with its session
/// token until its expiration).
/// </summary>
internal sealed class CredentialBook(string baseAccessKeyId)
{
    private const string KeyAlphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
    private const string SecretAlphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    private readonly ConcurrentDictionary<string, IssuedSession> _issued = new(StringComparer.Ordinal);

    public string BaseAccessKeyId { get; } = baseAccessKeyId;

    public IReadOnlyList<IssuedSession> Issued => [.. _issued.Values.OrderBy(s => s.Expiration)];

    public IssuedSession Issue(string roleArn, string sessionName, string? externalId, DateTimeOffset expiration)
    {
        var (account, roleName) = RoleArnParts(roleArn);
        var roleId = "AROA" + RandomNumberGenerator.GetString(KeyAlphabet, 17);
        var session = new IssuedSession(
            "ASIA" + RandomNumberGenerator.GetString(KeyAlphabet, 16),
            RandomNumberGenerator.GetString(SecretAlphabet, 40),
            "FwoGZXIvYXdzE" + RandomNumberGenerator.GetString(SecretAlphabet, 300),
            expiration,
            roleArn,
            $"arn:aws:sts::{account}:assumed-role/{roleName}/{sessionName}",
            $"{roleId}:{sessionName}",
            sessionName,
            externalId);
        _issued[session.AccessKeyId] = session;
        return session;
    }

    public IssuedSession? Find(string accessKeyId) => _issued.TryGetValue(accessKeyId, out var s) ? s : null;

    /// <summary>(account, role name without path) of <c>arn:aws:iam::&lt;account&gt;:role/&lt;path/&gt;name</c>.</summary>
    public static (string Account, string RoleName) RoleArnParts(string roleArn)
    {
        var parts = roleArn.Split(':', 6);
        var resource = parts.Length == 6 ? parts[5] : roleArn;
        return (parts.Length == 6 ? parts[4] : "", resource[(resource.LastIndexOf('/') + 1)..]);
    }
}
