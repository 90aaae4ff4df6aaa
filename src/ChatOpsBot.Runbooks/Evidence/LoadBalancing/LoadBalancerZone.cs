namespace ChatOpsBot.Runbooks.Evidence.LoadBalancing;

/// <summary>An Availability Zone enabled on a load balancer, with the subnet it uses there.</summary>
public sealed record LoadBalancerZone(string ZoneName, string SubnetId, IReadOnlyList<string> Addresses);
