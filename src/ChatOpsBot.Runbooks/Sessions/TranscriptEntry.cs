namespace ChatOpsBot.Runbooks.Sessions;

/// <summary>One line of a session's record. <see cref="Sequence"/> is assigned by the store (0 when appending).</summary>
/// <param name="Actor">A person (display name and id), <c>bot</c> or <c>runbook</c>.</param>
/// <param name="DataJson">Structured detail (evidence, guard, call counts) as JSON, or null.</param>
public sealed record TranscriptEntry(
    string SessionId,
    long Sequence,
    DateTimeOffset At,
    TranscriptEntryKind Kind,
    string Actor,
    string Text,
    string? DataJson);
