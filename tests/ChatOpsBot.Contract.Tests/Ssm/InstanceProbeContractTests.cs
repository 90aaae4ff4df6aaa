using ChatOpsBot.Aws;
using ChatOpsBot.Contract.Tests.Support;
using ChatOpsBot.Runbooks.Evidence.Instances;

namespace ChatOpsBot.Contract.Tests.Ssm;

/// <summary>The on-instance probe's SendCommand + GetCommandInvocation through the official SDK client against moto.
/// moto accepts and records commands but runs nothing (every invocation is Success with empty output), so this
/// proves the request shape and the invocation parsing, not the script (ProbeScriptTests runs that on a real host).</summary>
[Collection(MotoCollection.Name)]
public sealed class InstanceProbeContractTests(MotoServer moto) : IDisposable
{
    private readonly Lazy<AwsEvidenceSet> _aws = new(() => AwsEvidence.Create(
        MotoAws.Settings(moto.Endpoint).With(instanceProbeEnabled: true), TimeProvider.System, environment: _ => null));

    public void Dispose()
    {
        if (_aws.IsValueCreated)
        {
            _aws.Value.Dispose();
        }
    }

    [SkippableFact]
    public async Task Probe_SeededInstances_MotoAcceptsTheCommandAndAnswersEachInvocation()
    {
        moto.SkipIfUnavailable();
        var ids = moto.Estate.Instances.Select(i => i.InstanceId).ToArray();
        var request = new InstanceProbeRequest(
            [.. ids.Select(id => new InstanceProbeTarget(id, null, null))],
            8081,
            "HTTP",
            "/healthz",
            "200-299",
            TimeSpan.FromSeconds(4),
            new InstanceProbeOptions(Timeout: TimeSpan.FromSeconds(20), ServiceName: "contract-web"));

        var outcomes = await _aws.Value.InstanceProbe!.ProbeAsync(request, CancellationToken.None);

        Assert.Equal(ids, outcomes.Select(o => o.InstanceId));
        var notServed = outcomes.FirstOrDefault(o => o.Status != InstanceProbeStatus.Failed || o.Detail?.Contains("printed no probe output", StringComparison.Ordinal) != true);
        Skip.If(notServed is not null && notServed.Detail?.Contains("NotImplemented", StringComparison.Ordinal) == true, $"moto {moto.MotoVersion} does not serve the probe's calls: {notServed?.Detail}");

        // moto's invocation is Success with empty standard output: the adapter must say the script printed nothing
        // rather than invent facts.
        Assert.All(outcomes, o =>
        {
            Assert.Equal(InstanceProbeStatus.Failed, o.Status);
            Assert.Contains("succeeded but printed no probe output", o.Detail, StringComparison.Ordinal);
            Assert.Null(o.Facts);
        });
    }
}
