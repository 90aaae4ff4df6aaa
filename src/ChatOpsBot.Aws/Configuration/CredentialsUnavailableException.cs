using ChatOpsBot.Runbooks.Evidence;

namespace ChatOpsBot.Aws.Configuration;

/// <summary>No usable credentials. Turned into an <see cref="EvidenceException"/> of <see cref="Kind"/> and
/// <see cref="Code"/>, naming the call that needed them, by the code that makes calls.</summary>
internal sealed class CredentialsUnavailableException : Exception
{
    public const string HowToConfigure =
        "Configure credentials with `aws configure`, set AWS_PROFILE (or pass --profile), set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, or run with an instance or task role.";

    private const string NoCredentialsCode = "NoCredentials";

    /// <summary>The base credentials are missing or unusable; the generic advice on configuring them is appended.</summary>
    public CredentialsUnavailableException(string sentence, Exception? innerException = null)
        : this($"{sentence} {HowToConfigure}", EvidenceFailureKind.NoCredentials, NoCredentialsCode, innerException)
    {
    }

    private CredentialsUnavailableException(string message, EvidenceFailureKind kind, string? code, Exception? innerException)
        : base(message, innerException)
    {
        Kind = kind;
        Code = code;
    }

    /// <summary>The failure kind the call that needed the credentials reports.</summary>
    public EvidenceFailureKind Kind { get; }

    /// <summary>The error code the call reports: <see cref="EvidenceException.RoleNotAssumedCode"/> when STS refused
    /// a role, AWS's own code when STS throttled or failed, null when STS could not be reached.</summary>
    public string? Code { get; }

    /// <summary>The base credentials are misconfigured and <paramref name="sentence"/> already says what to fix (an
    /// unreadable web identity token file, a missing role ARN), so the generic advice is left off.</summary>
    public static CredentialsUnavailableException Specific(string sentence, Exception? innerException = null) =>
        new(sentence, EvidenceFailureKind.NoCredentials, NoCredentialsCode, innerException);

    /// <summary>STS refused a role (AssumeRole or AssumeRoleWithWebIdentity); <paramref name="sentence"/> says what to fix.</summary>
    public static CredentialsUnavailableException RoleNotAssumed(string sentence, Exception? innerException = null) =>
        new(sentence, EvidenceFailureKind.NoCredentials, EvidenceException.RoleNotAssumedCode, innerException);

    /// <summary>STS itself failed (throttled, unavailable, unreachable, a malformed answer): nothing in the
    /// configuration is wrong, so the failure is reported as <paramref name="kind"/>, not as missing credentials.</summary>
    public static CredentialsUnavailableException StsFailed(string sentence, EvidenceFailureKind kind, string? code, Exception? innerException = null) =>
        new(sentence, kind, code, innerException);

    /// <summary>This exception, if <paramref name="exception"/> is one or wraps one.</summary>
    public static CredentialsUnavailableException? Find(Exception? exception)
    {
        for (var current = exception; current is not null; current = current.InnerException)
        {
            if (current is CredentialsUnavailableException found)
            {
                return found;
            }
        }

        return null;
    }
}
