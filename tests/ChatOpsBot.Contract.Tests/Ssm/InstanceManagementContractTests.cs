using ChatOpsBot.Aws;
using ChatOpsBot.Contract.Tests.Support;
using ChatOpsBot.Runbooks.Evidence;

namespace ChatOpsBot.Contract.Tests.Ssm;

/// <summary>SSM DescribeInstanceInformation through the official SDK client as the adapter configures it.</summary>
[Collection(MotoCollection.Name)]
public sealed class InstanceManagementContractTests(MotoServer moto) : IDisposable
{
    private readonly Lazy<AwsEvidenceSet> _aws = new(() => MotoAws.Create(moto));

    public void Dispose()
    {
        if (_aws.IsValueCreated)
        {
            _aws.Value.Dispose();
        }
    }

    [SkippableFact]
    public async Task GetManagedInstances_SeededInstances_AnswersWithOnlyRequestedIds()
    {
        moto.SkipIfUnavailable();
        var ids = moto.Estate.Instances.Select(i => i.InstanceId).ToArray();

        const string notImplemented = "NotImplementedError: The describe_instance_information action has not been implemented";
        var logOffset = moto.Log.Length;

        IReadOnlyList<Runbooks.Evidence.Instances.ManagedInstance> managed;
        try
        {
            managed = await _aws.Value.InstanceManagement.GetManagedInstancesAsync(ids, CancellationToken.None);
        }
        catch (EvidenceException ex) when (ex.Kind == EvidenceFailureKind.Unavailable && moto.PythonErrorsSince(logOffset).Contains(notImplemented))
        {
            Skip.If(true, $"moto {moto.MotoVersion} does not implement ssm:DescribeInstanceInformation: the adapter got \"{ex.Message}\" and moto logged \"{notImplemented}\".");
            return;
        }

        // The seed registers no instance with SSM, so moto, once it serves the call, must answer an empty list.
        Assert.All(managed, m => Assert.Contains(m.InstanceId, ids));
    }
}
