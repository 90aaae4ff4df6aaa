namespace ChatOpsBot.Runbooks.Evidence;

/// <summary>A typed failure to obtain a fact. The message never carries credentials or signatures.</summary>
public sealed class EvidenceException : Exception
{
    /// <summary>The <see cref="ErrorCode"/> of a <see cref="EvidenceFailureKind.NoCredentials"/> failure caused by a role
    /// that could not be assumed (its message names the trust policy, setting or permission to fix).</summary>
    public const string RoleNotAssumedCode = "RoleNotAssumed";

    public EvidenceException(
        EvidenceFailureKind kind,
        string service,
        string operation,
        string? errorCode,
        string message,
        Exception? innerException = null)
        : base(message, innerException)
    {
        Kind = kind;
        Service = service;
        Operation = operation;
        ErrorCode = errorCode;
    }

    public EvidenceFailureKind Kind { get; }

    /// <summary>The IAM service prefix, for example <c>elasticloadbalancing</c>, <c>cloudwatch</c>, <c>ec2</c>, <c>ssm</c>.</summary>
    public string Service { get; }

    /// <summary>The API action, for example <c>DescribeTargetHealth</c>.</summary>
    public string Operation { get; }

    /// <summary>The AWS error code, for example <c>AccessDenied</c> or <c>Throttling</c>.</summary>
    public string? ErrorCode { get; }

    /// <summary>The IAM action the call needs, for example <c>elasticloadbalancing:DescribeTargetHealth</c>.</summary>
    public string IamAction => $"{Service}:{Operation}";
}
