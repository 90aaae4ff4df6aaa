namespace ChatOpsBot.Runbooks.Evidence.LoadBalancing;

/// <param name="Port"><c>traffic-port</c> or a port number as text.</param>
/// <param name="MatcherHttpCode">For example <c>200</c>, <c>200,202</c> or <c>200-299</c>.</param>
public sealed record HealthCheckSettings(
    bool Enabled,
    string? Protocol,
    string Port,
    string? Path,
    int IntervalSeconds,
    int TimeoutSeconds,
    int HealthyThreshold,
    int UnhealthyThreshold,
    string? MatcherHttpCode,
    string? MatcherGrpcCode);
