namespace ChatOpsBot.Simulator.Scenarios;

/// <summary>A zone enabled on a load balancer: its subnet and the private IPs of the LB node there.</summary>
public sealed record ScenarioAvailabilityZone
{
    public required string ZoneName { get; init; }

    public required string SubnetId { get; init; }

    /// <summary>Private IPv4 addresses of the load balancer's node ENI in this subnet.</summary>
    public IReadOnlyList<string> NodeAddresses { get; init; } = [];

    /// <summary>Public addresses the DNS name resolves to for internet-facing load balancers (optional).</summary>
    public IReadOnlyList<string> PublicAddresses { get; init; } = [];

    /// <summary>The node ENI id; derived from the subnet when omitted.</summary>
    public string? NetworkInterfaceId { get; init; }

    /// <summary>NLB only: addresses listed under LoadBalancerAddresses (Elastic IPs or fixed private IPs).</summary>
    public IReadOnlyList<ScenarioLoadBalancerAddress> LoadBalancerAddresses { get; init; } = [];
}
