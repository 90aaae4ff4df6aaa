using ChatOpsBot.Runbooks.Evidence.Instances;

namespace ChatOpsBot.Runbooks.Tests.Support;

/// <summary>Systems Manager over a <see cref="FakeAwsAccount"/>.</summary>
internal sealed class FakeInstanceManagementEvidence(FakeAwsAccount account) : IInstanceManagementEvidence
{
    public Task<IReadOnlyList<ManagedInstance>> GetManagedInstancesAsync(IReadOnlyCollection<string> instanceIds, CancellationToken cancellationToken) =>
        account.CallAsync<IReadOnlyList<ManagedInstance>>("ssm", "DescribeInstanceInformation", () => [.. account.ManagedInstances.Where(m => instanceIds.Contains(m.InstanceId))], cancellationToken);
}
