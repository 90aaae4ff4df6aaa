namespace ChatOpsBot.Runbooks.Messaging;

/// <summary>What people did with a diagnosis: who acknowledged it ("I'm on it") and who marked it resolved.</summary>
public sealed record IncidentMarks(string? AcknowledgedBy, DateTimeOffset? AcknowledgedAt, string? ResolvedBy, DateTimeOffset? ResolvedAt)
{
    public static IncidentMarks None { get; } = new(null, null, null, null);
}
