namespace ChatOpsBot.Runbooks.Messaging;

/// <summary>The follow-up actions a diagnosis message offers.</summary>
public enum ChatActionKind
{
    ShowEvidence,
    Rerun,
    Acknowledge,
    Resolve,
    Transcript,
}
