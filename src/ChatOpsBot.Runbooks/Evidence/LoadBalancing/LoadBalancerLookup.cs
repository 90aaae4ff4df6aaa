namespace ChatOpsBot.Runbooks.Evidence.LoadBalancing;

/// <summary>The answer to "find this load balancer".</summary>
/// <param name="LoadBalancer">The ELBv2 load balancer, or null when none has that name or ARN.</param>
/// <param name="ClassicExists">True when no ELBv2 load balancer matched but a Classic one has that name.</param>
/// <param name="KnownNames">When nothing matched: names of the ELBv2 load balancers in the region, for suggestions.</param>
public sealed record LoadBalancerLookup(
    LoadBalancerDescription? LoadBalancer,
    bool ClassicExists,
    IReadOnlyList<string> KnownNames);
