namespace ChatOpsBot.Runbooks.Sessions;

/// <summary>
/// A diagnosis session as stored: where and by whom it started, its runbook state, outcome and the people who acted
/// on it. Never holds a token or credential. <see cref="ReportJson"/> is the finished report (for buttons after a
/// restart); <see cref="Owner"/> is the replica running it.
/// </summary>
/// <param name="Source"><c>discord</c> or <c>cli</c>.</param>
/// <param name="MachineState">The runbook state machine's current state (Stateless external state).</param>
/// <param name="Account">The configured account alias the diagnosis ran in; null for the bot's own credentials.</param>
public sealed record SessionRecord(
    string Id,
    string Runbook,
    string LoadBalancer,
    string Region,
    int WindowMinutes,
    string Source,
    string? GuildId,
    string? ChannelId,
    string? StartedById,
    string StartedByName,
    DateTimeOffset CreatedAt,
    SessionStatus Status,
    string? MachineState,
    string? RootCause,
    string? Outcome,
    DateTimeOffset? FinishedAt,
    string? AcknowledgedBy,
    DateTimeOffset? AcknowledgedAt,
    string? ResolvedBy,
    DateTimeOffset? ResolvedAt,
    string? MessageChannelId,
    string? MessageId,
    string? ReportJson,
    string? Owner,
    string? Account = null);
