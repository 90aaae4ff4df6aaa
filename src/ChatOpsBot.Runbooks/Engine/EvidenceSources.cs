using ChatOpsBot.Runbooks.Evidence.Dns;
using ChatOpsBot.Runbooks.Evidence.Instances;
using ChatOpsBot.Runbooks.Evidence.LoadBalancing;
using ChatOpsBot.Runbooks.Evidence.Metrics;
using ChatOpsBot.Runbooks.Evidence.Network;

namespace ChatOpsBot.Runbooks.Engine;

/// <summary>The evidence ports one diagnosis asks. SSM, DNS and the on-instance probe are optional: without them those
/// facts are "not checked".</summary>
public sealed record EvidenceSources(
    ILoadBalancingEvidence LoadBalancing,
    IMetricsEvidence Metrics,
    INetworkEvidence Network,
    IInstanceManagementEvidence? Instances,
    INameResolver? Dns,
    IInstanceProbe? Probe = null);
