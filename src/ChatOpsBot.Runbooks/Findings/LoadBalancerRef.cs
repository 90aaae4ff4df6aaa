namespace ChatOpsBot.Runbooks.Findings;

/// <param name="Type">application, network, gateway or classic; null when the load balancer was not found.</param>
public sealed record LoadBalancerRef(string Name, string? Arn, string? Type, string? State);
