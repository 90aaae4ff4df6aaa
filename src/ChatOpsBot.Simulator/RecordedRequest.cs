namespace ChatOpsBot.Simulator;

/// <summary>One request the simulator answered.</summary>
/// <param name="Service">elasticloadbalancing, elb (Classic), monitoring, ec2, ssm, or <c>unknown</c>.</param>
/// <param name="ErrorCode">The AWS error code answered, or null on success.</param>
/// <param name="AccessKeyId">The access key id in the request's SigV4 credential scope (null when unsigned or malformed).</param>
public sealed record RecordedRequest(
    string Service,
    string Action,
    DateTimeOffset Time,
    int StatusCode,
    string? ErrorCode,
    string? AccessKeyId = null);
