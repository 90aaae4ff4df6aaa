namespace ChatOpsBot.Runbooks.Messaging;

/// <summary>The follow-up actions a diagnosis message offers.</summary>
public enum ChatActionKind
{
    ShowEvidence,
    Rerun,
    Acknowledge,
    Resolve,
    Transcript,

    /// <summary>Runs the diagnosis again with the read-only on-instance checks (SSM), in place of the findings.</summary>
    CheckInstances,
}
