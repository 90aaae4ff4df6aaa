namespace ChatOpsBot.Runbooks.Evidence.Instances;

/// <summary>What one instance's probe found.</summary>
/// <param name="Detail">Why the probe did not succeed (a sentence), or null on success.</param>
/// <param name="OutputTruncated">Systems Manager returned only the first 24,000 characters: later facts (logs) may be missing.</param>
/// <param name="Facts">What the script reported; null when it did not run.</param>
/// <param name="Failure">The Systems Manager call that failed for this instance, when one did: for
/// <see cref="InstanceProbeStatus.AccessDenied"/> its <see cref="EvidenceException.IamAction"/> names the permission
/// that was denied (ssm:SendCommand or ssm:GetCommandInvocation).</param>
public sealed record InstanceProbeOutcome(
    string InstanceId,
    InstanceProbeStatus Status,
    string? Detail,
    bool OutputTruncated,
    InstanceFacts? Facts,
    EvidenceException? Failure = null);
