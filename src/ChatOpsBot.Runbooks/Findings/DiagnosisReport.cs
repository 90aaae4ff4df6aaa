using ChatOpsBot.Runbooks.Causes;
using ChatOpsBot.Runbooks.Evidence;

namespace ChatOpsBot.Runbooks.Findings;

/// <summary>The platform-neutral result of one diagnosis. Every renderer (terminal, JSON, chat) works from this.</summary>
/// <param name="Runbook">The symptom the runbook covers, for example <c>503</c>.</param>
/// <param name="Headline">One sentence for a human: the root cause and where, or why nothing was diagnosed.</param>
/// <param name="Attribution">Who produced the errors (load balancer versus targets), or null when unknown.</param>
/// <param name="Causes">One finding per cause in <see cref="CauseIds.Checked"/> order.</param>
/// <param name="Account">The account alias the diagnosis ran in; null for the bot's own credentials.</param>
public sealed record DiagnosisReport(
    string Runbook,
    DiagnosisOutcome Outcome,
    LoadBalancerRef LoadBalancer,
    string Region,
    DateTimeOffset StartedAt,
    TimeSpan Window,
    CauseId RootCause,
    IReadOnlyList<CauseId> Contributing,
    string Headline,
    string? Attribution,
    IReadOnlyList<CauseFinding> Causes,
    IReadOnlyList<EvidenceGap> Gaps,
    IReadOnlyList<TransitionRecord> Steps,
    IReadOnlyList<string> Suggestions,
    TimeSpan Duration,
    IReadOnlyList<EvidenceCall> AwsCalls,
    string? Account = null)
{
    public CauseFinding? Finding(CauseId cause) => Causes.FirstOrDefault(c => c.Cause == cause);
}
