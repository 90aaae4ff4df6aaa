namespace ChatOpsBot.Runbooks.Evidence.LoadBalancing;

/// <param name="TargetType">instance, ip, lambda or alb.</param>
public sealed record TargetGroupDescription(
    string Arn,
    string Name,
    string? Protocol,
    int? Port,
    string? VpcId,
    string TargetType,
    HealthCheckSettings HealthCheck,
    IReadOnlyList<string> LoadBalancerArns,
    string? ProtocolVersion)
{
    /// <summary>The ARN part after the last colon (<c>targetgroup/name/id</c>): the CloudWatch dimension value.</summary>
    public string MetricDimension => Arn[(Arn.LastIndexOf(':') + 1)..];
}
