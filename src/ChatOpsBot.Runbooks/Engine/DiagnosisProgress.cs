using ChatOpsBot.Runbooks.Causes;
using ChatOpsBot.Runbooks.Findings;

namespace ChatOpsBot.Runbooks.Engine;

/// <summary>A snapshot after one runbook step: what was just done and where every cause stands.</summary>
/// <param name="Step">The state just entered (for example <c>CheckingNetworkPath</c>).</param>
/// <param name="Title">What the step did, for a human ("Checked the network path").</param>
/// <param name="Detail">What it found, one line, or null.</param>
/// <param name="Causes">Every cause with its status so far; a cause not yet decided is absent.</param>
public sealed record DiagnosisProgress(
    string Step,
    string Title,
    string? Detail,
    LoadBalancerRef LoadBalancer,
    IReadOnlyDictionary<CauseId, CauseStatus> Causes,
    TimeSpan Elapsed,
    bool Finished);
