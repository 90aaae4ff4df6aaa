using ChatOpsBot.Discord.Interactions;
using ChatOpsBot.Runbooks.Engine;
using ChatOpsBot.Runbooks.Findings;
using ChatOpsBot.Runbooks.Messaging;
using ChatOpsBot.Runbooks.Rendering;
using ChatOpsBot.Runbooks.Sessions;

namespace ChatOpsBot.Discord.Sessions;

/// <summary>
/// One diagnosis started from Discord: where and by whom, the message it lives in, the live state and the report,
/// and what people did with it. Every change is also queued as a transcript entry (<see cref="TakeOutbox"/>) for the
/// store. The interaction token is kept in memory only, to edit the message for 15 minutes; it is never stored,
/// logged or written to a transcript. A session loaded from the store (after a restart, or on another replica) has
/// no token and edits through the channel.
/// </summary>
public sealed class DiagnosisSession
{
    private readonly List<TranscriptEntry> _outbox = [];
    private readonly Lock _gate = new();

    public DiagnosisSession(string id, DiagnosisRequest request, Interaction origin, DateTimeOffset createdAt)
    {
        Id = id;
        Request = request;
        GuildId = origin.GuildId;
        ChannelId = origin.ChannelId;
        StartedBy = origin.User;
        CreatedAt = createdAt;
        InteractionToken = origin.Token;
    }

    /// <summary>Rehydrates a stored session (no interaction token).</summary>
    public DiagnosisSession(SessionRecord record)
    {
        Id = record.Id;
        Request = new DiagnosisRequest(record.Runbook, record.LoadBalancer, record.Region, TimeSpan.FromMinutes(record.WindowMinutes), Account: record.Account);
        GuildId = record.GuildId;
        ChannelId = record.MessageChannelId ?? record.ChannelId;
        StartedBy = new DiscordUser(record.StartedById ?? string.Empty, record.StartedByName, record.StartedByName);
        CreatedAt = record.CreatedAt;
        MessageId = record.MessageId;
        State = record.Status switch
        {
            SessionStatus.Finished => SessionState.Finished,
            SessionStatus.Failed or SessionStatus.Interrupted => SessionState.Failed,
            SessionStatus.Running => SessionState.Running,
            _ => SessionState.Queued,
        };
        Interrupted = record.Status == SessionStatus.Interrupted;
        Report = ReportJsonCodec.Deserialize(record.ReportJson);
        Marks = new IncidentMarks(record.AcknowledgedBy, record.AcknowledgedAt, record.ResolvedBy, record.ResolvedAt);
    }

    public string Id { get; }

    public DiagnosisRequest Request { get; }

    public string? GuildId { get; }

    public string? ChannelId { get; private set; }

    public DiscordUser StartedBy { get; }

    public DateTimeOffset CreatedAt { get; }

    /// <summary>The token of the interaction that created the message (valid 15 minutes from <see cref="CreatedAt"/>);
    /// null for a session loaded from the store.</summary>
    internal string? InteractionToken { get; }

    public string? MessageId { get; private set; }

    public SessionState State { get; private set; } = SessionState.Queued;

    public bool Interrupted { get; private set; }

    public DiagnosisReport? Report { get; private set; }

    public DiagnosisProgress? LastProgress { get; private set; }

    public IncidentMarks Marks { get; private set; } = IncidentMarks.None;

    /// <summary>A person's or the bot's action, for the transcript.</summary>
    public void Record(DateTimeOffset at, string who, string what, TranscriptEntryKind kind = TranscriptEntryKind.Note, string? dataJson = null) =>
        Add(new TranscriptEntry(Id, 0, at, kind, who, what, dataJson));

    private void Add(TranscriptEntry entry)
    {
        lock (_gate)
        {
            _outbox.Add(entry);
        }
    }

    /// <summary>The entries recorded since the last call, in order (the repository writes them).</summary>
    public IReadOnlyList<TranscriptEntry> TakeOutbox()
    {
        lock (_gate)
        {
            var entries = _outbox.ToArray();
            _outbox.Clear();
            return entries;
        }
    }

    public void Started(DateTimeOffset at)
    {
        State = SessionState.Running;
        Add(SessionEntries.Started(Id, at, "bot", Request));
    }

    public void Progressed(DiagnosisProgress progress, DateTimeOffset at)
    {
        LastProgress = progress;
        Add(SessionEntries.Transition(Id, at, progress));
    }

    public void Finished(DiagnosisReport report, DateTimeOffset at)
    {
        Report = report;
        State = SessionState.Finished;
        foreach (var entry in SessionEntries.Finished(Id, at, report))
        {
            Add(entry);
        }
    }

    public void Failed(DateTimeOffset at, string why)
    {
        State = SessionState.Failed;
        Record(at, "bot", $"failed: {why}");
    }

    public void MarkInterrupted(DateTimeOffset at)
    {
        State = SessionState.Failed;
        Interrupted = true;
        Record(at, "bot", "interrupted: the bot stopped before the diagnosis finished");
    }

    public void PostedAt(DiscordMessageLocation where, DateTimeOffset at, string what)
    {
        var first = MessageId is null;
        MessageId = where.MessageId;
        ChannelId = where.ChannelId;
        Record(at, "bot", $"{(first ? "posted" : "edited")} message {where.MessageId}: {what}", TranscriptEntryKind.Message);
    }

    /// <summary>Applies an acknowledgement the store accepted.</summary>
    public void Acknowledged(DiscordUser user, DateTimeOffset at)
    {
        Marks = Marks with { AcknowledgedBy = user.DisplayName, AcknowledgedAt = at };
        Record(at, Who(user), "acknowledged: on it");
    }

    /// <summary>Applies a resolution the store accepted.</summary>
    public void Resolved(DiscordUser user, DateTimeOffset at)
    {
        Marks = Marks with { ResolvedBy = user.DisplayName, ResolvedAt = at };
        Record(at, Who(user), "marked resolved");
    }

    /// <summary>Continues an earlier session's incident (its on-instance check): who is on it carries over.</summary>
    public void CarryMarks(IncidentMarks earlier) => Marks = earlier;

    /// <summary>Takes the marks another replica (or an earlier process) stored.</summary>
    public void Refresh(SessionRecord stored) =>
        Marks = new IncidentMarks(stored.AcknowledgedBy, stored.AcknowledgedAt, stored.ResolvedBy, stored.ResolvedAt);

    public SessionRecord ToRecord(string owner)
    {
        var record = new SessionRecord(
            Id,
            Request.Symptom,
            Request.LoadBalancer,
            Request.Region,
            (int)Request.Window.TotalMinutes,
            "discord",
            GuildId,
            ChannelId,
            StartedBy.Id,
            StartedBy.DisplayName,
            CreatedAt,
            Interrupted ? SessionStatus.Interrupted : State switch
            {
                SessionState.Running => SessionStatus.Running,
                SessionState.Finished => SessionStatus.Finished,
                SessionState.Failed => SessionStatus.Failed,
                _ => SessionStatus.Queued,
            },
            LastProgress?.Step,
            RootCause: null,
            Outcome: null,
            FinishedAt: null,
            Marks.AcknowledgedBy,
            Marks.AcknowledgedAt,
            Marks.ResolvedBy,
            Marks.ResolvedAt,
            ChannelId,
            MessageId,
            ReportJson: null,
            owner,
            Request.Account);
        return Report is null ? record : record.WithReport(Report);
    }

    public static string Who(DiscordUser user) => $"{user.DisplayName} ({user.Id})";
}
