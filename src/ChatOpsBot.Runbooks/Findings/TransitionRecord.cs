namespace ChatOpsBot.Runbooks.Findings;

/// <summary>One step of the runbook's state machine, with the guard that chose it and what the step found.</summary>
public sealed record TransitionRecord(
    string From,
    string To,
    string Trigger,
    string? Guard,
    DateTimeOffset At,
    string? Note);
