namespace ChatOpsBot.Runbooks.Evidence.Instances;

/// <summary>One instance to probe and the Host header the load balancer's health check sends it
/// (<c>&lt;private-ip&gt;:&lt;health-check-port&gt;</c>), or null when its address is unknown.</summary>
public sealed record InstanceProbeTarget(string InstanceId, string? PrivateIpAddress, string? HostHeader);
