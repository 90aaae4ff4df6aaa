namespace ChatOpsBot.Runbooks.Causes;

/// <summary>What the evidence says about one cause. Wire names: confirmed, ruled-out, inconclusive, not-checked.</summary>
public enum CauseStatus
{
    NotChecked,
    Confirmed,
    RuledOut,
    Inconclusive,
}
