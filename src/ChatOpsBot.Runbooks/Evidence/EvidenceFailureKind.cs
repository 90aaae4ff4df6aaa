namespace ChatOpsBot.Runbooks.Evidence;

public enum EvidenceFailureKind
{
    /// <summary>The caller lacks an IAM permission (AccessDenied, UnauthorizedOperation...).</summary>
    AccessDenied,

    /// <summary>No credentials could be found, or they were rejected as invalid or expired.</summary>
    NoCredentials,

    /// <summary>Throttled and retries were exhausted.</summary>
    Throttled,

    /// <summary>The resource named does not exist.</summary>
    NotFound,

    /// <summary>The request was invalid (a malformed ARN, an out-of-range parameter).</summary>
    InvalidRequest,

    /// <summary>The service failed (5xx) after retries, or the endpoint could not be reached.</summary>
    Unavailable,
}
