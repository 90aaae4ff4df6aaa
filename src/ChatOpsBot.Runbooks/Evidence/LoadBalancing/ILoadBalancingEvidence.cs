namespace ChatOpsBot.Runbooks.Evidence.LoadBalancing;

/// <summary>Facts from Elastic Load Balancing (ELBv2). Every list is complete (all pages followed).</summary>
public interface ILoadBalancingEvidence
{
    /// <summary>Finds an ELBv2 load balancer by name or ARN. Not found is an answer, not an exception.</summary>
    Task<LoadBalancerLookup> FindLoadBalancerAsync(string nameOrArn, CancellationToken cancellationToken);

    /// <summary>The names of every ELBv2 load balancer in the region (for suggestions and autocomplete).</summary>
    Task<IReadOnlyList<string>> ListLoadBalancerNamesAsync(CancellationToken cancellationToken);

    Task<IReadOnlyList<ListenerDescription>> GetListenersAsync(string loadBalancerArn, CancellationToken cancellationToken);

    Task<IReadOnlyList<RuleDescription>> GetRulesAsync(string listenerArn, CancellationToken cancellationToken);

    Task<IReadOnlyList<TargetGroupDescription>> GetTargetGroupsAsync(string loadBalancerArn, CancellationToken cancellationToken);

    Task<IReadOnlyList<TargetHealthDescription>> GetTargetHealthAsync(string targetGroupArn, CancellationToken cancellationToken);

    Task<IReadOnlyDictionary<string, string>> GetTargetGroupAttributesAsync(string targetGroupArn, CancellationToken cancellationToken);

    Task<IReadOnlyDictionary<string, string>> GetLoadBalancerAttributesAsync(string loadBalancerArn, CancellationToken cancellationToken);

    Task<CapacityReservation> GetCapacityReservationAsync(string loadBalancerArn, CancellationToken cancellationToken);
}
