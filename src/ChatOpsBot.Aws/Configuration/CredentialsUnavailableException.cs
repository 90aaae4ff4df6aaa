namespace ChatOpsBot.Aws.Configuration;

/// <summary>No usable credentials. Turned into an <see cref="Runbooks.Evidence.EvidenceException"/> of kind
/// NoCredentials, naming the call that needed them, by the code that makes calls.</summary>
internal sealed class CredentialsUnavailableException : Exception
{
    public const string HowToConfigure =
        "Configure credentials with `aws configure`, set AWS_PROFILE (or pass --profile), set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, or run with an instance or task role.";

    public CredentialsUnavailableException(string sentence, Exception? innerException = null)
        : this(sentence, innerException, appendHowToConfigure: true)
    {
    }

    private CredentialsUnavailableException(string sentence, Exception? innerException, bool appendHowToConfigure)
        : base(appendHowToConfigure ? $"{sentence} {HowToConfigure}" : sentence, innerException)
    {
        IsRoleAssumption = !appendHowToConfigure;
    }

    /// <summary>STS refused a role (AssumeRole or AssumeRoleWithWebIdentity); the message says what to fix.</summary>
    public bool IsRoleAssumption { get; }

    /// <summary>A failure whose sentence already says what to fix (a role that cannot be assumed, an expired web
    /// identity token), so the generic advice about configuring base credentials is left off.</summary>
    public static CredentialsUnavailableException Specific(string sentence, Exception? innerException = null) =>
        new(sentence, innerException, appendHowToConfigure: false);

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
