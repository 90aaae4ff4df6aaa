using System.Text.RegularExpressions;

namespace ChatOpsBot.Aws.Ssm;

/// <summary>Patterns of credentials that show up in application logs.</summary>
internal static partial class ProbeSecrets
{
    [GeneratedRegex(@"-----BEGIN [A-Z ]*PRIVATE KEY-----.*?(-----END [A-Z ]*PRIVATE KEY-----|$)")]
    public static partial Regex PrivateKey();

    [GeneratedRegex(@"\b(Bearer|Basic|Token)\s+[A-Za-z0-9._~+/=-]{6,}", RegexOptions.IgnoreCase)]
    public static partial Regex AuthorizationValue();

    [GeneratedRegex(@"\b([A-Za-z0-9_.-]*(?:password|passwd|pwd|secret|token|api[_-]?key|access[_-]?key|private[_-]?key|credential|session[_-]?id|auth)[A-Za-z0-9_.-]*)(""?\s*[=:]\s*""?)[^\s""',;&]+", RegexOptions.IgnoreCase)]
    public static partial Regex KeyValue();

    [GeneratedRegex(@"://[^/\s:@]+:[^/\s@]+@")]
    public static partial Regex UrlUserInfo();

    [GeneratedRegex(@"\beyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}")]
    public static partial Regex Jwt();
}
