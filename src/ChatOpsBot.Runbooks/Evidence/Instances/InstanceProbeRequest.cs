namespace ChatOpsBot.Runbooks.Evidence.Instances;

/// <summary>One read-only probe of several instances of a target group, reproducing its health check locally.</summary>
/// <param name="Port">The health-check port: checked for listening sockets and asked locally.</param>
/// <param name="HealthCheckProtocol">HTTP, HTTPS, TCP, TLS, UDP, TCP_UDP or GRPC; only HTTP(S) is asked with a request.</param>
/// <param name="HealthCheckPath">The health-check path (HTTP/HTTPS), for example <c>/healthz</c>.</param>
/// <param name="Matcher">The codes the load balancer accepts, for example <c>200-299</c>.</param>
/// <param name="HealthCheckTimeout">The load balancer's health-check timeout: the local request gets the same.</param>
public sealed record InstanceProbeRequest(
    IReadOnlyList<InstanceProbeTarget> Targets,
    int Port,
    string HealthCheckProtocol,
    string? HealthCheckPath,
    string? Matcher,
    TimeSpan HealthCheckTimeout,
    InstanceProbeOptions Options);
