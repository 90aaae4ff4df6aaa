using ChatOpsBot.Runbooks.Engine;
using ChatOpsBot.Runbooks.Evidence;
using ChatOpsBot.Runbooks.Evidence.Dns;
using ChatOpsBot.Runbooks.Evidence.Instances;
using ChatOpsBot.Runbooks.Evidence.LoadBalancing;
using ChatOpsBot.Runbooks.Evidence.Network;
using ChatOpsBot.Runbooks.Http503;

namespace ChatOpsBot.Runbooks.Tests.Support;

/// <summary>
/// An in-memory AWS account behind the hand-written fake ports. Every call is recorded with a logical clock
/// (and into the ambient <see cref="EvidenceCallLog"/>, as the real adapters do) and can be made to fail with a
/// chosen <see cref="EvidenceFailureKind"/>.
/// </summary>
internal sealed class FakeAwsAccount
{
    private readonly Dictionary<string, EvidenceFailureKind> failures = new(StringComparer.Ordinal);
    private readonly List<FakeAwsCall> calls = [];
    private readonly Lock gate = new();
    private long clock;

    public List<LoadBalancerDescription> LoadBalancers { get; } = [];

    public List<string> ClassicNames { get; } = [];

    public List<ListenerDescription> Listeners { get; } = [];

    public Dictionary<string, IReadOnlyList<RuleDescription>> Rules { get; } = new(StringComparer.Ordinal);

    public List<TargetGroupDescription> TargetGroups { get; } = [];

    public Dictionary<string, IReadOnlyList<TargetHealthDescription>> TargetHealth { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, IReadOnlyDictionary<string, string>> TargetGroupAttributes { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, IReadOnlyDictionary<string, string>> LoadBalancerAttributes { get; } = new(StringComparer.Ordinal);

    public CapacityReservation CapacityReservation { get; set; } = new(null, []);

    /// <summary>Datapoints per metric query id (see <see cref="Http503Metrics"/>); absent ids have none.</summary>
    public Dictionary<string, double[]> Metrics { get; } = new(StringComparer.Ordinal);

    public List<VpcDescription> Vpcs { get; } = [];

    public List<DhcpOptionsDescription> DhcpOptions { get; } = [];

    public List<SubnetDescription> Subnets { get; } = [];

    public List<NetworkAclDescription> NetworkAcls { get; } = [];

    public List<SecurityGroupDescription> SecurityGroups { get; } = [];

    public List<NetworkInterfaceDescription> Interfaces { get; } = [];

    public List<InstanceDescription> Instances { get; } = [];

    public List<ManagedInstance> ManagedInstances { get; } = [];

    /// <summary>What the on-instance probe finds per instance id.</summary>
    public Dictionary<string, InstanceProbeOutcome> ProbeOutcomes { get; } = new(StringComparer.Ordinal);

    /// <summary>Every request the on-instance probe received.</summary>
    public List<InstanceProbeRequest> ProbeRequests { get; } = [];

    public Dictionary<string, NameResolution> DnsAnswers { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>How long each call takes; long enough that calls started together in one wave overlap.</summary>
    public TimeSpan Latency { get; set; } = TimeSpan.FromMilliseconds(40);

    public IReadOnlyList<FakeAwsCall> Calls
    {
        get
        {
            lock (gate)
            {
                return [.. calls];
            }
        }
    }

    /// <summary>The healthy shop of <see cref="Shop"/>, with a few quiet minutes of traffic.</summary>
    public static FakeAwsAccount ShopAlb()
    {
        var a = new FakeAwsAccount();
        a.LoadBalancers.Add(Shop.Alb());
        a.Listeners.Add(Shop.HttpListener(Shop.ForwardTo(Shop.WebTgArn)));
        a.Rules[Shop.ListenerArn] = [Shop.DefaultRule(Shop.ForwardTo(Shop.WebTgArn))];
        a.TargetGroups.Add(Shop.WebTargetGroup());
        a.TargetHealth[Shop.WebTgArn] = Shop.HealthyTargets();
        a.TargetGroupAttributes[Shop.WebTgArn] = new Dictionary<string, string> { ["load_balancing.cross_zone.enabled"] = "use_load_balancer_configuration" };
        a.LoadBalancerAttributes[Shop.AlbArn] = new Dictionary<string, string> { ["idle_timeout.timeout_seconds"] = "60" };
        a.Metrics[Http503Metrics.Requests] = [1000, 1000, 1000];
        a.Vpcs.Add(Shop.Vpc());
        a.DhcpOptions.Add(Shop.AmazonDhcpOptions());
        a.Subnets.AddRange(Shop.Subnets());
        a.NetworkAcls.AddRange(Shop.NetworkAcls());
        a.SecurityGroups.AddRange(Shop.SecurityGroups());
        a.Interfaces.AddRange(Shop.AlbInterfaces());
        a.Instances.AddRange(Shop.Instances());
        a.DnsAnswers[Shop.AlbDnsName] = Shop.AlbResolves();
        return a;
    }

    public EvidenceSources Sources() => new(
        new FakeLoadBalancingEvidence(this),
        new FakeMetricsEvidence(this),
        new FakeNetworkEvidence(this),
        new FakeInstanceManagementEvidence(this),
        new FakeNameResolver(this),
        new FakeInstanceProbe(this));

    /// <summary>Makes every call of <paramref name="operation"/> (for example <c>DescribeTargetHealth</c>) fail.</summary>
    public FakeAwsAccount Fail(string operation, EvidenceFailureKind kind)
    {
        failures[operation] = kind;
        return this;
    }

    /// <summary>Answers one call: records it, waits <see cref="Latency"/>, then fails as configured or answers.</summary>
    public async Task<T> CallAsync<T>(string service, string operation, Func<T> answer, CancellationToken cancellationToken)
    {
        var started = Interlocked.Increment(ref clock);
        await Task.Delay(Latency, cancellationToken);
        var ended = Interlocked.Increment(ref clock);
        var failed = failures.TryGetValue(operation, out var kind);
        var code = kind switch
        {
            EvidenceFailureKind.AccessDenied => "AccessDenied",
            EvidenceFailureKind.NoCredentials => "InvalidClientTokenId",
            EvidenceFailureKind.Throttled => "Throttling",
            EvidenceFailureKind.NotFound => "LoadBalancerNotFound",
            EvidenceFailureKind.InvalidRequest => "ValidationError",
            _ => "ServiceUnavailable",
        };
        var call = new FakeAwsCall(service, operation, started, ended, failed ? code : "ok");
        lock (gate)
        {
            calls.Add(call);
        }

        if (service != "dns")
        {
            EvidenceCallLog.Current?.Record(new EvidenceCall(service, operation, DateTimeOffset.UnixEpoch.AddTicks(started), TimeSpan.FromTicks(ended - started), 1, call.Outcome));
        }

        if (failed)
        {
            var message = kind switch
            {
                EvidenceFailureKind.AccessDenied => $"User: arn:aws:sts::{Shop.AccountId}:assumed-role/chatops-bot/bot is not authorized to perform: {service}:{operation}",
                EvidenceFailureKind.NoCredentials => "The security token included in the request is invalid.",
                _ => $"{code} from {service}:{operation}",
            };
            throw new EvidenceException(kind, service, operation, code, message);
        }

        return answer();
    }

    /// <summary>The number of sequential waves of calls: the longest chain in which each call starts after the previous ended.</summary>
    public int SequentialWaves()
    {
        var log = new EvidenceCallLog();
        foreach (var c in Calls)
        {
            log.Record(new EvidenceCall(c.Service, c.Operation, DateTimeOffset.UnixEpoch.AddTicks(c.Started), TimeSpan.FromTicks(c.Ended - c.Started), 1, c.Outcome));
        }

        return log.SequentialWaves();
    }
}
