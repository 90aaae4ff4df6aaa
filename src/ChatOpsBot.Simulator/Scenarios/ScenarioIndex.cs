namespace ChatOpsBot.Simulator.Scenarios;

/// <summary>
/// A scenario with its implicit parts made explicit (node ENIs, instance ENIs, default rules, target group to load
/// balancer links) and indexed for the API handlers. Immutable once built.
/// </summary>
internal sealed class ScenarioIndex
{
    public ScenarioIndex(Scenario scenario)
    {
        Scenario = scenario;
        SubnetsById = scenario.Subnets.ToDictionary(s => s.SubnetId, StringComparer.Ordinal);
        TargetGroupsByArn = scenario.TargetGroups.ToDictionary(t => t.Arn, StringComparer.Ordinal);
        ListenersByArn = scenario.LoadBalancers
            .SelectMany(lb => lb.Listeners.Select(l => (lb, l)))
            .ToDictionary(x => x.l.Arn, x => (x.lb, x.l), StringComparer.Ordinal);
        TargetGroupLoadBalancers = scenario.TargetGroups.ToDictionary(
            tg => tg.Arn,
            tg => (IReadOnlyList<string>)[.. tg.LoadBalancerArns.Concat(scenario.LoadBalancers
                    .Where(lb => lb.Listeners.Any(l => ActionsOf(l).Any(a => ForwardTargets(a).Any(t => t.Arn == tg.Arn))))
                    .Select(lb => lb.Arn))
                .Distinct(StringComparer.Ordinal)],
            StringComparer.Ordinal);
        NetworkInterfaces = [.. scenario.NetworkInterfaces.Select(Complete).Concat(DeriveNodeInterfaces()).Concat(DeriveInstanceInterfaces())];
        Instances = [.. scenario.Instances.Select(CompleteInstance)];
    }

    public Scenario Scenario { get; }

    public IReadOnlyDictionary<string, ScenarioSubnet> SubnetsById { get; }

    public IReadOnlyDictionary<string, ScenarioTargetGroup> TargetGroupsByArn { get; }

    public IReadOnlyDictionary<string, (ScenarioLoadBalancer LoadBalancer, ScenarioListener Listener)> ListenersByArn { get; }

    /// <summary>Per target group ARN: the load balancers using it.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> TargetGroupLoadBalancers { get; }

    /// <summary>Listed interfaces with VPC/zone filled in, plus derived LB node and instance interfaces.</summary>
    public IReadOnlyList<ScenarioNetworkInterface> NetworkInterfaces { get; }

    /// <summary>Instances with VPC, zone and primary ENI filled in.</summary>
    public IReadOnlyList<ScenarioInstance> Instances { get; }

    /// <summary>The part of a load balancer ARN after <c>loadbalancer/</c>: <c>app/name/id</c>.</summary>
    public static string LoadBalancerDimension(string arn) =>
        arn[(arn.IndexOf(":loadbalancer/", StringComparison.Ordinal) + ":loadbalancer/".Length)..];

    /// <summary>A target group ARN, or the ARN of the target group with that name (as scenarios may write either).</summary>
    public string ResolveTargetGroup(string arnOrName) =>
        TargetGroupsByArn.ContainsKey(arnOrName)
            ? arnOrName
            : Scenario.TargetGroups.FirstOrDefault(t => t.Name == arnOrName)?.Arn ?? arnOrName;

    /// <summary>Forward targets of an action: <c>TargetGroupArn</c> and every ForwardConfig group, resolved, with weights.</summary>
    public IEnumerable<(string Arn, int? Weight)> ForwardTargets(ScenarioAction action)
    {
        if (action.ForwardConfig is { TargetGroups.Count: > 0 } config)
        {
            return config.TargetGroups.Select(t => (ResolveTargetGroup(t.TargetGroupArn), t.Weight));
        }

        return action.TargetGroupArn is null ? [] : [(ResolveTargetGroup(action.TargetGroupArn), (int?)1)];
    }

    /// <summary>The default rule's ARN, derived from the listener ARN the way AWS shapes rule ARNs.</summary>
    public static string DefaultRuleArn(string listenerArn) =>
        listenerArn.Replace(":listener/", ":listener-rule/", StringComparison.Ordinal) + "/" + DerivedIds.Hex("default-rule:" + listenerArn, 16);

    private static IEnumerable<ScenarioAction> ActionsOf(ScenarioListener listener) =>
        listener.DefaultActions.Concat(listener.Rules.SelectMany(r => r.Actions));

    private ScenarioNetworkInterface Complete(ScenarioNetworkInterface eni)
    {
        var subnet = SubnetsById.GetValueOrDefault(eni.SubnetId);
        return eni with
        {
            VpcId = eni.VpcId ?? subnet?.VpcId,
            AvailabilityZone = eni.AvailabilityZone ?? subnet?.AvailabilityZone,
        };
    }

    private ScenarioInstance CompleteInstance(ScenarioInstance instance)
    {
        var subnet = SubnetsById.GetValueOrDefault(instance.SubnetId);
        var eni = NetworkInterfaces.FirstOrDefault(n => n.InstanceId == instance.InstanceId && n.PrivateIpAddress == instance.PrivateIpAddress)
            ?? NetworkInterfaces.FirstOrDefault(n => n.InstanceId == instance.InstanceId);
        return instance with
        {
            VpcId = instance.VpcId ?? subnet?.VpcId,
            AvailabilityZone = instance.AvailabilityZone ?? subnet?.AvailabilityZone,
            NetworkInterfaceId = instance.NetworkInterfaceId ?? eni?.NetworkInterfaceId,
        };
    }

    private IEnumerable<ScenarioNetworkInterface> DeriveNodeInterfaces()
    {
        foreach (var lb in Scenario.LoadBalancers)
        {
            var description = "ELB " + LoadBalancerDimension(lb.Arn);
            foreach (var zone in lb.AvailabilityZones.Where(z => z.NodeAddresses.Count > 0))
            {
                if (Scenario.NetworkInterfaces.Any(n => n.Description == description && n.SubnetId == zone.SubnetId))
                {
                    continue;
                }

                var subnet = SubnetsById.GetValueOrDefault(zone.SubnetId);
                yield return new ScenarioNetworkInterface
                {
                    NetworkInterfaceId = zone.NetworkInterfaceId ?? DerivedIds.Resource("eni", lb.Arn + "|" + zone.SubnetId),
                    SubnetId = zone.SubnetId,
                    VpcId = subnet?.VpcId ?? lb.VpcId,
                    AvailabilityZone = zone.ZoneName,
                    Description = description,
                    PrivateIpAddress = zone.NodeAddresses[0],
                    SecondaryPrivateIpAddresses = [.. zone.NodeAddresses.Skip(1)],
                    PublicIp = lb.Scheme == "internet-facing" ? zone.PublicAddresses.FirstOrDefault() : null,
                    Groups = lb.SecurityGroups,
                    InterfaceType = lb.Type switch
                    {
                        "network" => "network_load_balancer",
                        "gateway" => "gateway_load_balancer",
                        _ => "interface",
                    },
                    RequesterManaged = true,
                    RequesterId = "amazon-elb",
                };
            }
        }
    }

    private IEnumerable<ScenarioNetworkInterface> DeriveInstanceInterfaces()
    {
        foreach (var instance in Scenario.Instances.Where(i => Scenario.NetworkInterfaces.All(n => n.InstanceId != i.InstanceId)))
        {
            var subnet = SubnetsById.GetValueOrDefault(instance.SubnetId);
            yield return new ScenarioNetworkInterface
            {
                NetworkInterfaceId = instance.NetworkInterfaceId ?? DerivedIds.Resource("eni", instance.InstanceId),
                SubnetId = instance.SubnetId,
                VpcId = instance.VpcId ?? subnet?.VpcId,
                AvailabilityZone = instance.AvailabilityZone ?? subnet?.AvailabilityZone,
                Description = "",
                PrivateIpAddress = instance.PrivateIpAddress,
                Groups = instance.SecurityGroups,
                InstanceId = instance.InstanceId,
            };
        }
    }
}
