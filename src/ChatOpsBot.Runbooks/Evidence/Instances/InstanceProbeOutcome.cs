namespace ChatOpsBot.Runbooks.Evidence.Instances;

/// <summary>What one instance's probe found.</summary>
/// <param name="Detail">Why the probe did not succeed (a sentence), or null on success.</param>
/// <param name="OutputTruncated">Systems Manager returned only the first 24,000 characters: later facts (logs) may be missing.</param>
/// <param name="Facts">What the script reported; null when it did not run.</param>
public sealed record InstanceProbeOutcome(
    string InstanceId,
    InstanceProbeStatus Status,
    string? Detail,
    bool OutputTruncated,
    InstanceFacts? Facts);
