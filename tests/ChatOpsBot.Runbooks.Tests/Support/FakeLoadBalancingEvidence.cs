using ChatOpsBot.Runbooks.Evidence.LoadBalancing;

namespace ChatOpsBot.Runbooks.Tests.Support;

/// <summary>ELBv2 over a <see cref="FakeAwsAccount"/>.</summary>
internal sealed class FakeLoadBalancingEvidence(FakeAwsAccount account) : ILoadBalancingEvidence
{
    private const string Service = "elasticloadbalancing";

    public Task<IReadOnlyList<string>> ListLoadBalancerNamesAsync(CancellationToken cancellationToken) =>
        account.CallAsync<IReadOnlyList<string>>(Service, "DescribeLoadBalancers", () => [.. account.LoadBalancers.Select(l => l.Name)], cancellationToken);

    public Task<LoadBalancerLookup> FindLoadBalancerAsync(string nameOrArn, CancellationToken cancellationToken) =>
        account.CallAsync(Service, "DescribeLoadBalancers", () =>
        {
            var lb = account.LoadBalancers.FirstOrDefault(l => l.Arn == nameOrArn || l.Name == nameOrArn);
            return lb is not null
                ? new LoadBalancerLookup(lb, false, [])
                : new LoadBalancerLookup(null, account.ClassicNames.Contains(nameOrArn), [.. account.LoadBalancers.Select(l => l.Name)]);
        }, cancellationToken);

    public Task<IReadOnlyList<ListenerDescription>> GetListenersAsync(string loadBalancerArn, CancellationToken cancellationToken) =>
        account.CallAsync<IReadOnlyList<ListenerDescription>>(Service, "DescribeListeners", () => [.. account.Listeners.Where(l => l.LoadBalancerArn == loadBalancerArn)], cancellationToken);

    public Task<IReadOnlyList<RuleDescription>> GetRulesAsync(string listenerArn, CancellationToken cancellationToken) =>
        account.CallAsync(Service, "DescribeRules", () => account.Rules.GetValueOrDefault(listenerArn) ?? [], cancellationToken);

    public Task<IReadOnlyList<TargetGroupDescription>> GetTargetGroupsAsync(string loadBalancerArn, CancellationToken cancellationToken) =>
        account.CallAsync<IReadOnlyList<TargetGroupDescription>>(Service, "DescribeTargetGroups", () => [.. account.TargetGroups.Where(tg => tg.LoadBalancerArns.Contains(loadBalancerArn))], cancellationToken);

    public Task<IReadOnlyList<TargetHealthDescription>> GetTargetHealthAsync(string targetGroupArn, CancellationToken cancellationToken) =>
        account.CallAsync(Service, "DescribeTargetHealth", () => account.TargetHealth.GetValueOrDefault(targetGroupArn) ?? [], cancellationToken);

    public Task<IReadOnlyDictionary<string, string>> GetTargetGroupAttributesAsync(string targetGroupArn, CancellationToken cancellationToken) =>
        account.CallAsync(Service, "DescribeTargetGroupAttributes", () => account.TargetGroupAttributes.GetValueOrDefault(targetGroupArn) ?? new Dictionary<string, string>(), cancellationToken);

    public Task<IReadOnlyDictionary<string, string>> GetLoadBalancerAttributesAsync(string loadBalancerArn, CancellationToken cancellationToken) =>
        account.CallAsync(Service, "DescribeLoadBalancerAttributes", () => account.LoadBalancerAttributes.GetValueOrDefault(loadBalancerArn) ?? new Dictionary<string, string>(), cancellationToken);

    public Task<CapacityReservation> GetCapacityReservationAsync(string loadBalancerArn, CancellationToken cancellationToken) =>
        account.CallAsync(Service, "DescribeCapacityReservation", () => account.CapacityReservation, cancellationToken);
}
