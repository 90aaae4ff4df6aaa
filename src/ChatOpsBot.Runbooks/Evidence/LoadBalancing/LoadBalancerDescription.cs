namespace ChatOpsBot.Runbooks.Evidence.LoadBalancing;

/// <summary>An ELBv2 load balancer as DescribeLoadBalancers returns it.</summary>
/// <param name="StateCode">provisioning, active, active_impaired or failed.</param>
public sealed record LoadBalancerDescription(
    string Arn,
    string Name,
    LoadBalancerType Type,
    string Scheme,
    string VpcId,
    string DnsName,
    string StateCode,
    string? StateReason,
    IReadOnlyList<LoadBalancerZone> Zones,
    IReadOnlyList<string> SecurityGroupIds,
    string IpAddressType)
{
    /// <summary>The ARN part after <c>loadbalancer/</c> (for example <c>app/my-alb/50dc6c495c0c9188</c>): the CloudWatch dimension value.</summary>
    public string MetricDimension => Arn[(Arn.IndexOf(":loadbalancer/", StringComparison.Ordinal) + ":loadbalancer/".Length)..];

    /// <summary>The region the ARN names.</summary>
    public string Region => Arn.Split(':')[3];

    /// <summary>The account the ARN names.</summary>
    public string AccountId => Arn.Split(':')[4];
}
