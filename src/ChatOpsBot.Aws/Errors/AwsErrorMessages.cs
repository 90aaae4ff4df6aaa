using System.Text.RegularExpressions;
using ChatOpsBot.Runbooks.Evidence;

namespace ChatOpsBot.Aws.Errors;

/// <summary>Builds the one-sentence messages of <see cref="EvidenceException"/>. AWS's own text is kept only after
/// anything that looks like a key, token or signature is removed, and never for credential failures (whose AWS text
/// can echo the canonical request).</summary>
internal static partial class AwsErrorMessages
{
    private const int MaxAwsMessageLength = 300;

    public static EvidenceException ServiceError(
        EvidenceFailureKind kind, string service, string operation, string? code, int? httpStatus, string? awsMessage, int attempts)
    {
        var action = $"{service}:{operation}";
        var codeText = string.IsNullOrEmpty(code) ? $"HTTP {httpStatus?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "error"}" : code;
        var detail = kind == EvidenceFailureKind.NoCredentials ? null : Redact(awsMessage);
        var tail = string.IsNullOrEmpty(detail) ? string.Empty : $" AWS said: {detail}";
        var tries = attempts > 1 ? $" after {attempts} attempts" : string.Empty;
        var sentence = kind switch
        {
            EvidenceFailureKind.AccessDenied => $"AWS denied {action} ({codeText}); grant the IAM action {action} to the bot's role.",
            EvidenceFailureKind.NoCredentials => $"AWS rejected the credentials used for {action} ({codeText}): they are invalid, expired or signed with the wrong secret. {Configuration.CredentialsUnavailableException.HowToConfigure}",
            EvidenceFailureKind.NotFound => $"AWS found no such resource for {action} ({codeText}).",
            EvidenceFailureKind.InvalidRequest => $"AWS rejected the {action} request as invalid ({codeText}).",
            EvidenceFailureKind.Throttled => $"AWS throttled {action} ({codeText}){tries}; try again in a minute or raise the API rate quota.",
            _ => $"AWS could not serve {action} ({codeText}){tries}; the service may be unavailable.",
        };
        return new EvidenceException(kind, service, operation, code, sentence + tail);
    }

    public static EvidenceException Unreachable(string service, string operation, Uri endpoint, int attempts, Exception inner)
    {
        var tries = attempts > 1 ? $" after {attempts} attempts" : string.Empty;
        var reason = inner is TaskCanceledException or TimeoutException ? "the request timed out" : Redact(inner.Message) ?? "network error";
        return new EvidenceException(
            EvidenceFailureKind.Unavailable,
            service,
            operation,
            null,
            $"Could not reach {endpoint.GetLeftPart(UriPartial.Authority)} for {service}:{operation}{tries}: {reason}.",
            inner);
    }

    /// <summary>The call could not get credentials; reported with the kind and code the credential failure carries
    /// (a throttled or unreachable STS is not a configuration problem).</summary>
    public static EvidenceException NoCredentials(string service, string operation, Configuration.CredentialsUnavailableException inner) =>
        new(inner.Kind, service, operation, inner.Code, $"Could not call {service}:{operation}: {inner.Message}");

    /// <summary>Removes access key ids, secrets, tokens, signatures and canonical-request dumps; trims to one short paragraph.</summary>
    public static string? Redact(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var cut = CanonicalDump().Match(text);
        if (cut.Success)
        {
            text = text[..cut.Index];
        }

        text = AuthorizationHeader().Replace(text, "[redacted]");
        text = SignatureParameter().Replace(text, "$1=[redacted]");
        text = AccessKeyId().Replace(text, "[redacted]");
        text = LongHex().Replace(text, "[redacted]");
        text = SecretLike().Replace(text, "[redacted]");
        text = text.ReplaceLineEndings(" ").Trim();
        if (text.Length > MaxAwsMessageLength)
        {
            text = text[..MaxAwsMessageLength] + "…";
        }

        return text.Length == 0 ? null : text;
    }

    [GeneratedRegex(@"(The Canonical String|String-to-Sign|canonical request|string to sign|StringToSign)", RegexOptions.IgnoreCase)]
    private static partial Regex CanonicalDump();

    [GeneratedRegex(@"AWS4-HMAC-SHA256[^\r\n]*", RegexOptions.IgnoreCase)]
    private static partial Regex AuthorizationHeader();

    [GeneratedRegex(@"(Signature|Credential|X-Amz-Security-Token|X-Amz-Signature|X-Amz-Credential|SignedHeaders)\s*[=:]\s*[^\s,&]+", RegexOptions.IgnoreCase)]
    private static partial Regex SignatureParameter();

    [GeneratedRegex(@"\b(AKIA|ASIA|AIDA|AROA|AKID)[A-Z0-9]{8,}\b")]
    internal static partial Regex AccessKeyId();

    [GeneratedRegex(@"\b[0-9a-fA-F]{32,}\b")]
    private static partial Regex LongHex();

    [GeneratedRegex(@"[A-Za-z0-9/+=]{40,}")]
    internal static partial Regex SecretLike();
}
