using ChatOpsBot.Runbooks.Causes;

namespace ChatOpsBot.Runbooks.Findings;

/// <summary>What the runbook concluded about one cause, and on what evidence.</summary>
public sealed record CauseFinding(
    CauseId Cause,
    CauseStatus Status,
    string Summary,
    IReadOnlyList<Fact> Evidence,
    Fix? Fix)
{
    public static CauseFinding NotChecked(CauseId cause, string why) =>
        new(cause, CauseStatus.NotChecked, why, [], null);
}
