namespace ChatOpsBot.Simulator;

/// <summary>One request the simulator answered.</summary>
/// <param name="Service">elasticloadbalancing, elb (Classic), monitoring, ec2, ssm, or <c>unknown</c>.</param>
/// <param name="ErrorCode">The AWS error code answered, or null on success.</param>
public sealed record RecordedRequest(
    string Service,
    string Action,
    DateTimeOffset Time,
    int StatusCode,
    string? ErrorCode);
