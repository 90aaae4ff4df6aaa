using ChatOpsBot.Runbooks.Evidence.Instances;

namespace ChatOpsBot.Runbooks.Tests.Support;

/// <summary>The on-instance probe over a <see cref="FakeAwsAccount"/>: answers each instance from
/// <see cref="FakeAwsAccount.ProbeOutcomes"/> (missing ones are not managed) and records every request.</summary>
internal sealed class FakeInstanceProbe(FakeAwsAccount account) : IInstanceProbe
{
    public Task<IReadOnlyList<InstanceProbeOutcome>> ProbeAsync(InstanceProbeRequest request, CancellationToken cancellationToken)
    {
        lock (account.ProbeRequests)
        {
            account.ProbeRequests.Add(request);
        }

        return account.CallAsync<IReadOnlyList<InstanceProbeOutcome>>("ssm", "SendCommand", () => [.. request.Targets.Select(t =>
            account.ProbeOutcomes.TryGetValue(t.InstanceId, out var o)
                ? o with { InstanceId = t.InstanceId }
                : new InstanceProbeOutcome(t.InstanceId, InstanceProbeStatus.NotManaged, "InvalidInstanceId", false, null))], cancellationToken);
    }
}
