namespace ChatOpsBot.Simulator.Scenarios;

/// <summary>An injected fault: extra latency and/or an AWS error for one service/action (or <c>*</c>).</summary>
public sealed record ScenarioFault
{
    /// <summary>elasticloadbalancing, elb (Classic), monitoring, ec2, ssm, or <c>*</c>.</summary>
    public string Service { get; init; } = "*";

    /// <summary>An action name such as DescribeTargetHealth, or <c>*</c>.</summary>
    public string Action { get; init; } = "*";

    public int LatencyMs { get; init; }

    /// <summary>An AWS error code (AccessDenied, UnauthorizedOperation, Throttling, RequestLimitExceeded, ThrottlingException, InternalFailure...).</summary>
    public string? Error { get; init; }

    public string? Message { get; init; }

    /// <summary>HTTP status; defaults to what AWS uses for the code.</summary>
    public int? HttpStatus { get; init; }

    /// <summary>Fail only the first N matching calls, then succeed; null fails every call.</summary>
    public int? Times { get; init; }
}
