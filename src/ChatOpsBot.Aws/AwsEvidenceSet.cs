using ChatOpsBot.Runbooks.Evidence.Dns;
using ChatOpsBot.Runbooks.Evidence.Instances;
using ChatOpsBot.Runbooks.Evidence.LoadBalancing;
using ChatOpsBot.Runbooks.Evidence.Metrics;
using ChatOpsBot.Runbooks.Evidence.Network;

namespace ChatOpsBot.Aws;

/// <summary>The evidence ports bound to one region and one set of credentials. Dispose it to release the
/// HTTP connections and SDK clients.</summary>
public sealed class AwsEvidenceSet : IDisposable
{
    private readonly List<IDisposable> _owned;

    internal AwsEvidenceSet(
        string region,
        ILoadBalancingEvidence loadBalancing,
        IMetricsEvidence metrics,
        INetworkEvidence network,
        IInstanceManagementEvidence instanceManagement,
        INameResolver nameResolver,
        IInstanceProbe? instanceProbe,
        List<IDisposable> owned)
    {
        Region = region;
        LoadBalancing = loadBalancing;
        Metrics = metrics;
        Network = network;
        InstanceManagement = instanceManagement;
        NameResolver = nameResolver;
        InstanceProbe = instanceProbe;
        _owned = owned;
    }

    /// <summary>The region every port talks to.</summary>
    public string Region { get; }

    public ILoadBalancingEvidence LoadBalancing { get; }

    public IMetricsEvidence Metrics { get; }

    public INetworkEvidence Network { get; }

    public IInstanceManagementEvidence InstanceManagement { get; }

    public INameResolver NameResolver { get; }

    /// <summary>The on-instance probe (SSM Run Command), or null unless <see cref="Configuration.AwsConnectionSettings.InstanceProbeEnabled"/>.</summary>
    public IInstanceProbe? InstanceProbe { get; }

    /// <summary>The ports as the runbook takes them.</summary>
    public Runbooks.Engine.EvidenceSources Sources() => new(LoadBalancing, Metrics, Network, InstanceManagement, NameResolver, InstanceProbe);

    /// <summary>Disposes <paramref name="disposable"/> with the set.</summary>
    internal void Own(IDisposable disposable) => _owned.Add(disposable);

    public void Dispose()
    {
        foreach (var owned in _owned)
        {
            owned.Dispose();
        }
    }
}
