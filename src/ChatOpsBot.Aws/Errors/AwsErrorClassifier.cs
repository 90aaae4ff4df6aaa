using ChatOpsBot.Runbooks.Evidence;

namespace ChatOpsBot.Aws.Errors;

/// <summary>Maps an AWS error code and HTTP status to a failure kind and a retry decision (one table for the
/// query clients and the SDK clients).</summary>
internal static class AwsErrorClassifier
{
    private static readonly HashSet<string> AccessDeniedCodes = new(StringComparer.OrdinalIgnoreCase)
    {
        "AccessDenied", "AccessDeniedException", "UnauthorizedOperation", "UnauthorizedAccess", "OptInRequired",
    };

    private static readonly HashSet<string> CredentialCodes = new(StringComparer.OrdinalIgnoreCase)
    {
        "InvalidClientTokenId", "SignatureDoesNotMatch", "ExpiredToken", "ExpiredTokenException",
        "MissingAuthenticationToken", "UnrecognizedClientException", "AuthFailure", "InvalidAccessKeyId",
        "IncompleteSignature", "InvalidSignatureException", "NoCredentials",
    };

    private static readonly HashSet<string> NotFoundCodes = new(StringComparer.OrdinalIgnoreCase)
    {
        "LoadBalancerNotFound", "TargetGroupNotFound", "ListenerNotFound", "RuleNotFound", "AccessPointNotFound",
        "ResourceNotFoundException",
    };

    private static readonly HashSet<string> ThrottleCodes = new(StringComparer.OrdinalIgnoreCase)
    {
        "Throttling", "ThrottlingException", "ThrottledException", "RequestThrottledException", "RequestThrottled",
        "RequestLimitExceeded", "TooManyRequestsException", "LimitExceededException", "PriorRequestNotComplete",
        "ProvisionedThroughputExceededException", "BandwidthLimitExceeded", "EC2ThrottledException", "SlowDown",
    };

    private static readonly HashSet<string> TransientCodes = new(StringComparer.OrdinalIgnoreCase)
    {
        "HealthUnavailable", "InternalFailure", "InternalError", "InternalServerError", "InternalServiceError",
        "ServiceUnavailable", "ServiceUnavailableException", "RequestTimeout", "RequestTimeoutException",
        "Unavailable",
    };

    public static AwsErrorClassification Classify(string? code, int? httpStatus)
    {
        if (!string.IsNullOrEmpty(code))
        {
            if (ThrottleCodes.Contains(code))
            {
                return new(EvidenceFailureKind.Throttled, RetryClass.Throttle);
            }

            if (TransientCodes.Contains(code))
            {
                return new(EvidenceFailureKind.Unavailable, RetryClass.Transient);
            }

            if (AccessDeniedCodes.Contains(code))
            {
                return new(EvidenceFailureKind.AccessDenied, RetryClass.None);
            }

            if (CredentialCodes.Contains(code))
            {
                return new(EvidenceFailureKind.NoCredentials, RetryClass.None);
            }

            if (NotFoundCodes.Contains(code)
                || (code.StartsWith("Invalid", StringComparison.OrdinalIgnoreCase) && code.EndsWith(".NotFound", StringComparison.OrdinalIgnoreCase)))
            {
                return new(EvidenceFailureKind.NotFound, RetryClass.None);
            }

            if (code.Equals("ValidationError", StringComparison.OrdinalIgnoreCase)
                || code.Equals("ValidationException", StringComparison.OrdinalIgnoreCase)
                || code.StartsWith("InvalidParameter", StringComparison.OrdinalIgnoreCase)
                || code.Equals("MissingParameter", StringComparison.OrdinalIgnoreCase)
                || code.Equals("InvalidAction", StringComparison.OrdinalIgnoreCase)
                || code.Equals("MalformedQueryString", StringComparison.OrdinalIgnoreCase))
            {
                return new(EvidenceFailureKind.InvalidRequest, RetryClass.None);
            }
        }

        return httpStatus switch
        {
            null or 0 => new(EvidenceFailureKind.Unavailable, RetryClass.Transient),
            429 => new(EvidenceFailureKind.Throttled, RetryClass.Throttle),
            500 or 502 or 503 or 504 => new(EvidenceFailureKind.Unavailable, RetryClass.Transient),
            401 => new(EvidenceFailureKind.NoCredentials, RetryClass.None),
            403 => new(EvidenceFailureKind.AccessDenied, RetryClass.None),
            404 when string.IsNullOrEmpty(code) => new(EvidenceFailureKind.Unavailable, RetryClass.None),
            >= 500 => new(EvidenceFailureKind.Unavailable, RetryClass.None),
            _ => new(EvidenceFailureKind.InvalidRequest, RetryClass.None),
        };
    }
}
