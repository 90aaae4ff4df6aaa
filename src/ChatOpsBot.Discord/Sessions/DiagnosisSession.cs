using ChatOpsBot.Discord.Interactions;
using ChatOpsBot.Runbooks.Engine;
using ChatOpsBot.Runbooks.Findings;
using ChatOpsBot.Runbooks.Messaging;

namespace ChatOpsBot.Discord.Sessions;

/// <summary>
/// One diagnosis started from Discord: where and by whom, the message it lives in, the live state and the report,
/// and what people did with it. The interaction token is kept in memory only, to edit the message for 15 minutes;
/// it is never logged or written to a transcript.
/// </summary>
public sealed class DiagnosisSession(string id, DiagnosisRequest request, Interaction origin, DateTimeOffset createdAt)
{
    private readonly List<SessionEvent> _events = [];
    private readonly Lock _gate = new();

    public string Id { get; } = id;

    public DiagnosisRequest Request { get; } = request;

    public string? GuildId { get; } = origin.GuildId;

    public string? ChannelId { get; private set; } = origin.ChannelId;

    public DiscordUser StartedBy { get; } = origin.User;

    public DateTimeOffset CreatedAt { get; } = createdAt;

    /// <summary>The token of the interaction that created the message (valid 15 minutes from <see cref="CreatedAt"/>).</summary>
    internal string InteractionToken { get; } = origin.Token;

    public string? MessageId { get; private set; }

    public SessionState State { get; private set; } = SessionState.Queued;

    public DiagnosisReport? Report { get; private set; }

    public DiagnosisProgress? LastProgress { get; private set; }

    public IncidentMarks Marks { get; private set; } = IncidentMarks.None;

    public IReadOnlyList<SessionEvent> Events
    {
        get
        {
            lock (_gate)
            {
                return [.. _events];
            }
        }
    }

    public void Record(DateTimeOffset at, string who, string what)
    {
        lock (_gate)
        {
            _events.Add(new SessionEvent(at, who, what));
        }
    }

    public void Started(DateTimeOffset at)
    {
        State = SessionState.Running;
        Record(at, "bot", $"started the {Request.Symptom} runbook on {Request.LoadBalancer} in {Request.Region}");
    }

    public void Progressed(DiagnosisProgress progress) => LastProgress = progress;

    public void Finished(DiagnosisReport report, DateTimeOffset at)
    {
        Report = report;
        State = SessionState.Finished;
        Record(at, "bot", $"finished: {report.Headline}");
    }

    public void Failed(DateTimeOffset at, string why)
    {
        State = SessionState.Failed;
        Record(at, "bot", $"failed: {why}");
    }

    public void PostedAt(DiscordMessageLocation where)
    {
        MessageId = where.MessageId;
        ChannelId = where.ChannelId;
    }

    /// <summary>Records "I'm on it"; false when someone already did.</summary>
    public bool Acknowledge(DiscordUser user, DateTimeOffset at)
    {
        lock (_gate)
        {
            if (Marks.AcknowledgedBy is not null)
            {
                return false;
            }

            Marks = Marks with { AcknowledgedBy = user.DisplayName, AcknowledgedAt = at };
            _events.Add(new SessionEvent(at, Who(user), "acknowledged: on it"));
            return true;
        }
    }

    /// <summary>Records the resolution; false when it was already resolved.</summary>
    public bool Resolve(DiscordUser user, DateTimeOffset at)
    {
        lock (_gate)
        {
            if (Marks.ResolvedBy is not null)
            {
                return false;
            }

            Marks = Marks with { ResolvedBy = user.DisplayName, ResolvedAt = at };
            _events.Add(new SessionEvent(at, Who(user), "marked resolved"));
            return true;
        }
    }

    public static string Who(DiscordUser user) => $"{user.DisplayName} ({user.Id})";
}
