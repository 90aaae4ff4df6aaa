namespace ChatOpsBot.Runbooks.Evidence.Instances;

/// <summary>Facts from Systems Manager about which instances can be inspected on the host.</summary>
public interface IInstanceManagementEvidence
{
    /// <summary>The SSM-managed instances among <paramref name="instanceIds"/>; unmanaged ones are absent.</summary>
    Task<IReadOnlyList<ManagedInstance>> GetManagedInstancesAsync(IReadOnlyCollection<string> instanceIds, CancellationToken cancellationToken);
}
