using ChatOpsBot.Runbooks.Evidence.Dns;
using ChatOpsBot.Runbooks.Evidence.Instances;
using ChatOpsBot.Runbooks.Evidence.LoadBalancing;
using ChatOpsBot.Runbooks.Evidence.Network;

namespace ChatOpsBot.Runbooks.Http503;

/// <summary>Everything the 503 runbook learned from AWS. A null member means the fact could not be obtained
/// (see the session's gaps); an empty one means AWS said there is none.</summary>
public sealed class Http503Evidence
{
    public LoadBalancerLookup? Lookup { get; set; }

    public LoadBalancerDescription? LoadBalancer => Lookup?.LoadBalancer;

    public IReadOnlyList<ListenerDescription>? Listeners { get; set; }

    /// <summary>Rules per listener ARN; a listener whose rules could not be read is absent.</summary>
    public Dictionary<string, IReadOnlyList<RuleDescription>> Rules { get; } = new(StringComparer.Ordinal);

    public IReadOnlyList<TargetGroupDescription>? TargetGroups { get; set; }

    /// <summary>Target health per target group ARN; a group whose health could not be read is absent.</summary>
    public Dictionary<string, IReadOnlyList<TargetHealthDescription>> TargetHealth { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, IReadOnlyDictionary<string, string>> TargetGroupAttributes { get; } = new(StringComparer.Ordinal);

    public IReadOnlyDictionary<string, string>? LoadBalancerAttributes { get; set; }

    public CapacityReservation? CapacityReservation { get; set; }

    public Http503Metrics? Metrics { get; set; }

    public VpcDescription? Vpc { get; set; }

    public DhcpOptionsDescription? DhcpOptions { get; set; }

    public IReadOnlyList<SubnetDescription>? Subnets { get; set; }

    public IReadOnlyList<NetworkAclDescription>? NetworkAcls { get; set; }

    public IReadOnlyList<SecurityGroupDescription>? SecurityGroups { get; set; }

    public IReadOnlyList<PrefixListDescription>? PrefixLists { get; set; }

    public IReadOnlyList<NetworkInterfaceDescription>? LoadBalancerInterfaces { get; set; }

    public IReadOnlyList<InstanceDescription>? Instances { get; set; }

    public IReadOnlyList<NetworkInterfaceDescription>? TargetInterfaces { get; set; }

    public IReadOnlyList<ManagedInstance>? ManagedInstances { get; set; }

    public NameResolution? LoadBalancerDns { get; set; }

    /// <summary>The on-instance probes (one per probed instance) with the group whose health check they reproduced;
    /// null when the probe did not run.</summary>
    public IReadOnlyList<ProbedInstance>? InstanceProbes { get; set; }

    /// <summary>Instances the probe would have checked but could not reach through SSM, with why.</summary>
    public List<ProbeSkip> ProbeSkips { get; } = [];
}
