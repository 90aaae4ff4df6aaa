using System.Globalization;
using System.Text;
using ChatOpsBot.Runbooks.Causes;
using ChatOpsBot.Runbooks.Engine;
using ChatOpsBot.Runbooks.Findings;
using ChatOpsBot.Runbooks.Rendering;

namespace ChatOpsBot.Runbooks.Messaging;

/// <summary>Builds the neutral chat messages of a diagnosis: live progress, findings, all evidence, refusals.</summary>
public static class DiagnosisMessages
{
    public static string Symbol(CauseStatus? status) => status switch
    {
        CauseStatus.Confirmed => "🔴",
        CauseStatus.RuledOut => "✅",
        CauseStatus.Inconclusive => "❔",
        CauseStatus.NotChecked => "➖",
        _ => "⏳",
    };

    public static string Word(CauseStatus? status) => status switch
    {
        CauseStatus.Confirmed => "found",
        CauseStatus.RuledOut => "ruled out",
        CauseStatus.Inconclusive => "inconclusive",
        CauseStatus.NotChecked => "not checked",
        _ => "checking",
    };

    /// <summary>The message shown while the runbook runs, edited after every step.</summary>
    public static ChatMessage Progress(string runbook, string region, DiagnosisProgress p)
    {
        var checklist = string.Join("\n", CauseIds.Checked.Select(c =>
        {
            var status = p.Causes.TryGetValue(c, out var s) ? s : (CauseStatus?)null;
            return $"{Symbol(status)} `{c.ToWire()}` {Word(status)}";
        }));
        var lead = p.Detail is { Length: > 0 } d ? $"**{p.Title}**: {d}" : $"**{p.Title}**";
        return new ChatMessage(
            $"{runbook} diagnosis · {p.LoadBalancer.Name}",
            MessageTone.Progress,
            lead,
            [
                new ChatField("Checks", checklist, Essential: true),
                new ChatField("Load balancer", Describe(p.LoadBalancer), Essential: true, Inline: true),
                new ChatField("Region", region, Essential: true, Inline: true),
                new ChatField("Elapsed", Seconds(p.Elapsed), Essential: true, Inline: true),
            ],
            [],
            "Diagnosing… this message updates as each check finishes.",
            null);
    }

    /// <summary>The final message: root cause, evidence, fix, why, every check, and the follow-up buttons.</summary>
    /// <param name="offerInstanceCheck">Adds "Check on instances" (after the other buttons, so a chat with five
    /// buttons a row puts it on a second row); it is disabled until the diagnosis has reached the targets and once
    /// the incident is resolved.</param>
    public static ChatMessage Findings(DiagnosisReport r, IncidentMarks marks, string sessionId, bool offerInstanceCheck = false)
    {
        var fields = new List<ChatField>();
        var root = r.Finding(r.RootCause);
        if (r.Attribution is { } who)
        {
            fields.Add(new ChatField("Who produced the errors", who, Essential: false));
        }

        if (root is not null && r.RootCause != CauseId.None)
        {
            fields.Add(new ChatField($"Root cause: {r.RootCause.ToWire()}", root.Summary, Essential: true));
            if (root.Evidence.Count > 0)
            {
                fields.Add(new ChatField("Evidence", string.Join("\n", root.Evidence.Take(6).Select(f => "• " + f.Text)), Essential: true));
            }

            if (root.Fix is { } fix)
            {
                fields.Add(new ChatField("Fix", fix.Summary, Essential: true));
                fields.Add(new ChatField("Command", fix.Command, Essential: true, ChatFieldFormat.Command));
                fields.Add(new ChatField("Why it works", fix.Why, Essential: false));
            }
        }

        if (r.Contributing.Count > 0)
        {
            fields.Add(new ChatField(
                "Contributing",
                string.Join("\n", r.Contributing.Select(c => $"🟠 `{c.ToWire()}`: {r.Finding(c)?.Summary}")),
                Essential: false));
        }

        if (r.Outcome == DiagnosisOutcome.Diagnosed)
        {
            fields.Add(new ChatField("Checks", string.Join("\n", r.Causes.Select(c => $"{Symbol(c.Status)} `{c.Cause.ToWire()}` {Word(c.Status)}")), Essential: true));
        }

        if (r.Gaps.Count > 0)
        {
            fields.Add(new ChatField("Could not check", string.Join("\n", r.Gaps.Select(g => $"• {g.Step}: `{g.IamAction}` ({g.Kind})")), Essential: false));
        }

        if (r.Suggestions.Count > 0)
        {
            fields.Add(new ChatField("Next steps", string.Join("\n", r.Suggestions.Select(s => "• " + s)), Essential: r.Outcome != DiagnosisOutcome.Diagnosed));
        }

        if (marks.AcknowledgedBy is { } ack)
        {
            fields.Add(new ChatField("On it", $"{ack} since {Time(marks.AcknowledgedAt)}", Essential: true, Inline: true));
        }

        if (marks.ResolvedBy is { } resolvedBy)
        {
            fields.Add(new ChatField("Resolved", $"by {resolvedBy} at {Time(marks.ResolvedAt)}", Essential: true, Inline: true));
        }

        var tone = marks.ResolvedBy is not null ? MessageTone.Success
            : r.Outcome != DiagnosisOutcome.Diagnosed ? MessageTone.Warning
            : r.RootCause != CauseId.None ? MessageTone.Danger
            : r.Causes.Any(c => c.Status == CauseStatus.Inconclusive) ? MessageTone.Warning
            : MessageTone.Success;
        var resolved = marks.ResolvedBy is not null;
        var diagnosed = r.Outcome == DiagnosisOutcome.Diagnosed;
        List<ChatAction> actions =
        [
            new ChatAction(ChatActionKind.ShowEvidence, "Show all evidence", ChatActionStyle.Secondary, Disabled: !diagnosed),
            new ChatAction(ChatActionKind.Rerun, "Re-run", ChatActionStyle.Secondary, Disabled: resolved),
            new ChatAction(ChatActionKind.Acknowledge, "I'm on it", ChatActionStyle.Primary, Disabled: !diagnosed || resolved || marks.AcknowledgedBy is not null),
            new ChatAction(ChatActionKind.Resolve, "Mark resolved", ChatActionStyle.Success, Disabled: !diagnosed || resolved),
            new ChatAction(ChatActionKind.Transcript, "Transcript", ChatActionStyle.Secondary),
        ];
        if (offerInstanceCheck)
        {
            actions.Add(new ChatAction(ChatActionKind.CheckInstances, "Check on instances", ChatActionStyle.Primary, Disabled: !diagnosed || resolved));
        }

        var footer = string.Create(CultureInfo.InvariantCulture, $"{(r.Account is { } account ? account + " · " : string.Empty)}{r.Region} · last {(int)r.Window.TotalMinutes} min · {r.Duration.TotalSeconds:0.0} s · {r.AwsCalls.Count} AWS calls · session {sessionId}");
        return new ChatMessage(
            $"{r.Runbook} diagnosis · {r.LoadBalancer.Name}",
            tone,
            r.Headline,
            fields,
            actions,
            footer,
            new ChatDocument($"diagnosis-{r.Runbook}-{Safe(r.LoadBalancer.Name)}-{sessionId}.md", ReportMarkdown.Write(r)));
    }

    /// <summary>Every piece of evidence for every cause (shown only to the person who asked).</summary>
    public static ChatMessage Evidence(DiagnosisReport r, string sessionId)
    {
        var fields = ReportMarkdown.Ordered(r)
            .Where(c => c.Evidence.Count > 0 || c.Status != CauseStatus.NotChecked)
            .Select(c => new ChatField(
                $"{Symbol(c.Status)} {c.Cause.ToWire()} ({Word(c.Status)})",
                c.Evidence.Count == 0 ? c.Summary : string.Join("\n", c.Evidence.Select(f => $"• {f.Text} _({f.Source})_")),
                Essential: c.Status == CauseStatus.Confirmed))
            .ToList();
        return new ChatMessage(
            $"Evidence · {r.LoadBalancer.Name}",
            MessageTone.Neutral,
            r.Attribution ?? r.Headline,
            fields,
            [],
            $"session {sessionId}",
            new ChatDocument($"evidence-{Safe(r.LoadBalancer.Name)}-{sessionId}.md", ReportMarkdown.Write(r)));
    }

    /// <summary>Replaces the live message of a diagnosis the bot could not finish (it restarted or crashed).</summary>
    public static ChatMessage Interrupted(string runbook, string loadBalancer, string sessionId) => new(
        $"{runbook} diagnosis · {loadBalancer}",
        MessageTone.Warning,
        "This diagnosis was interrupted: the bot stopped before it finished. Nothing was changed in AWS (the runbook only reads); press **Re-run** to start it again.",
        [],
        [
            new ChatAction(ChatActionKind.Rerun, "Re-run", ChatActionStyle.Primary),
            new ChatAction(ChatActionKind.Transcript, "Transcript", ChatActionStyle.Secondary),
        ],
        $"session {sessionId} · interrupted",
        null);

    /// <summary>A short answer to one person (refusals, stale buttons, errors).</summary>
    public static ChatMessage Notice(string title, string text, MessageTone tone = MessageTone.Warning) =>
        new(title, tone, text, [], [], null, null);

    /// <summary>The transcript of a session as an attachment, with a one-line summary.</summary>
    public static ChatMessage Transcript(string title, string summary, ChatDocument document) =>
        new(title, MessageTone.Neutral, summary, [], [], null, document, AlwaysAttach: true);

    private static string Describe(LoadBalancerRef lb) =>
        lb.Type is { } t ? $"{lb.Name} ({t}{(lb.State is { } s ? ", " + s : string.Empty)})" : lb.Name;

    private static string Seconds(TimeSpan t) => string.Create(CultureInfo.InvariantCulture, $"{t.TotalSeconds:0.0} s");

    private static string Time(DateTimeOffset? t) => t is { } v ? v.UtcDateTime.ToString("HH:mm 'UTC'", CultureInfo.InvariantCulture) : "?";

    private static string Safe(string name)
    {
        var sb = new StringBuilder();
        foreach (var c in name)
        {
            sb.Append(char.IsAsciiLetterOrDigit(c) || c == '-' ? c : '-');
        }

        return sb.ToString();
    }
}
