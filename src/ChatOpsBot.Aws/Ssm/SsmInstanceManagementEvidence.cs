using Amazon.SimpleSystemsManagement;
using Amazon.SimpleSystemsManagement.Model;
using ChatOpsBot.Aws.Sdk;
using ChatOpsBot.Runbooks.Evidence;
using ChatOpsBot.Runbooks.Evidence.Instances;

namespace ChatOpsBot.Aws.Ssm;

/// <summary><see cref="IInstanceManagementEvidence"/> through DescribeInstanceInformation with an <c>InstanceIds</c> filter.</summary>
internal sealed class SsmInstanceManagementEvidence(IAmazonSimpleSystemsManagement ssm, SdkCallRunner runner) : IInstanceManagementEvidence
{
    /// <summary>Values per <c>InstanceIds</c> filter.</summary>
    public const int MaxIdsPerCall = 50;

    public async Task<IReadOnlyList<ManagedInstance>> GetManagedInstancesAsync(IReadOnlyCollection<string> instanceIds, CancellationToken cancellationToken)
    {
        var distinct = instanceIds.Where(id => !string.IsNullOrWhiteSpace(id)).Distinct(StringComparer.Ordinal).ToArray();
        if (distinct.Length == 0)
        {
            return [];
        }

        var chunks = await Task.WhenAll(distinct.Chunk(MaxIdsPerCall).Select(chunk => ChunkAsync(chunk, cancellationToken))).ConfigureAwait(false);
        return [.. chunks.SelectMany(c => c)
            .Where(i => !string.IsNullOrEmpty(i.InstanceId))
            .DistinctBy(i => i.InstanceId)
            .Select(i => new ManagedInstance(
                i.InstanceId,
                i.PingStatus?.Value ?? "Inactive",
                string.IsNullOrEmpty(i.AgentVersion) ? null : i.AgentVersion,
                i.PlatformType?.Value))];
    }

    /// <summary>SSM may reject a whole filter with InvalidInstanceId when an id is malformed or unknown; then each id
    /// is asked on its own and the rejected ones count as unmanaged.</summary>
    private async Task<List<InstanceInformation>> ChunkAsync(string[] chunk, CancellationToken cancellationToken)
    {
        try
        {
            return await QueryAsync(chunk, cancellationToken).ConfigureAwait(false);
        }
        catch (EvidenceException ex) when (chunk.Length > 1 && IsInvalidInstance(ex))
        {
            var singles = await Task.WhenAll(chunk.Select(async id =>
            {
                try
                {
                    return await QueryAsync([id], cancellationToken).ConfigureAwait(false);
                }
                catch (EvidenceException inner) when (IsInvalidInstance(inner))
                {
                    return [];
                }
            })).ConfigureAwait(false);
            return [.. singles.SelectMany(s => s)];
        }
        catch (EvidenceException ex) when (IsInvalidInstance(ex))
        {
            return [];
        }
    }

    private Task<List<InstanceInformation>> QueryAsync(string[] ids, CancellationToken cancellationToken) =>
        runner.PageAsync(
            "DescribeInstanceInformation",
            (token, ct) => ssm.DescribeInstanceInformationAsync(
                new DescribeInstanceInformationRequest
                {
                    Filters = [new InstanceInformationStringFilter { Key = "InstanceIds", Values = [.. ids] }],
                    MaxResults = 50,
                    NextToken = token,
                },
                ct),
            r => r.NextToken,
            r => r.InstanceInformationList,
            cancellationToken);

    private static bool IsInvalidInstance(EvidenceException ex) =>
        string.Equals(ex.ErrorCode, "InvalidInstanceId", StringComparison.Ordinal)
        || string.Equals(ex.ErrorCode, "InvalidInstanceInformationFilterValue", StringComparison.Ordinal);
}
