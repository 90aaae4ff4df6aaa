namespace ChatOpsBot.Runbooks.Sessions;

public enum TranscriptEntryKind
{
    /// <summary>Who started the session, where, with which runbook and load balancer.</summary>
    Started,

    /// <summary>A state-machine transition, with the guard that chose it and what the step found.</summary>
    Transition,

    /// <summary>AWS calls made (counts per action, errors).</summary>
    AwsCalls,

    /// <summary>A chat message posted or edited (ids and a summary, never a token).</summary>
    Message,

    /// <summary>A button click or command by a person.</summary>
    Click,

    /// <summary>The result: root cause, contributing causes, the fix suggested.</summary>
    Outcome,

    /// <summary>Acknowledged, resolved, interrupted, resumed and other notes.</summary>
    Note,
}
