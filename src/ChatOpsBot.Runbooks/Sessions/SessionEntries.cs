using System.Globalization;
using System.Text.Json;
using ChatOpsBot.Runbooks.Causes;
using ChatOpsBot.Runbooks.Engine;
using ChatOpsBot.Runbooks.Findings;
using ChatOpsBot.Runbooks.Rendering;

namespace ChatOpsBot.Runbooks.Sessions;

/// <summary>
/// The transcript entries and record fields every front-end writes for a diagnosis (Discord and the terminal), so a
/// session reads the same in <c>transcript show</c> wherever it was started.
/// </summary>
public static class SessionEntries
{
    /// <summary>The runbook started: symptom, load balancer, region, and the on-instance checks when asked for.
    /// <paramref name="against"/> names what it ran against when that is not the real AWS (a simulated scenario).</summary>
    public static TranscriptEntry Started(string sessionId, DateTimeOffset at, string actor, DiagnosisRequest request, string? against = null)
    {
        ArgumentNullException.ThrowIfNull(request);
        var text = $"started the {request.Symptom} runbook on {request.LoadBalancer} in {request.Region}";
        if (against is not null)
        {
            text += $" against {against}";
        }

        if (request.OnInstance is { } probe)
        {
            var what = new List<string> { string.Create(CultureInfo.InvariantCulture, $"up to {probe.MaxInstances} instance{(probe.MaxInstances == 1 ? string.Empty : "s")}") };
            if (probe.ServiceName is { } unit)
            {
                what.Add($"service {unit}");
            }

            if (probe.LogPath is { } log)
            {
                what.Add($"log {log}");
            }

            if (probe.Dependencies.Count > 0)
            {
                what.Add($"dependencies {string.Join(", ", probe.Dependencies)}");
            }

            text += $", with on-instance checks ({string.Join("; ", what)})";
        }

        return new TranscriptEntry(sessionId, 0, at, TranscriptEntryKind.Started, actor, text, null);
    }

    /// <summary>One runbook transition: the state entered, what the step did and what it found.</summary>
    public static TranscriptEntry Transition(string sessionId, DateTimeOffset at, DiagnosisProgress progress)
    {
        ArgumentNullException.ThrowIfNull(progress);
        var text = progress.Detail is { Length: > 0 } d ? $"{progress.Step}: {progress.Title}: {d}" : $"{progress.Step}: {progress.Title}";
        return new TranscriptEntry(sessionId, 0, at, TranscriptEntryKind.Transition, "runbook", text, null);
    }

    /// <summary>The outcome (root cause, contributing causes, the fix shown) and the AWS calls made, per action.</summary>
    public static IReadOnlyList<TranscriptEntry> Finished(string sessionId, DateTimeOffset at, DiagnosisReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var fix = report.Finding(report.RootCause)?.Fix;
        var outcome = new TranscriptEntry(sessionId, 0, at, TranscriptEntryKind.Outcome, "bot", $"finished: {report.Headline}", JsonSerializer.Serialize(new
        {
            rootCause = report.RootCause.ToWire(),
            contributing = report.Contributing.Select(c => c.ToWire()).ToArray(),
            fix = fix is null ? null : new { fix.Summary, fix.Command, fix.Why },
        }));
        var byAction = report.AwsCalls.GroupBy(c => $"{c.Service}:{c.Operation}").ToDictionary(g => g.Key, g => g.Count());
        var errors = report.AwsCalls.Where(c => c.Outcome != "ok").Select(c => $"{c.Service}:{c.Operation} {c.Outcome}").Distinct().ToArray();
        var calls = new TranscriptEntry(sessionId, 0, at, TranscriptEntryKind.AwsCalls, "bot", $"{report.AwsCalls.Count} AWS calls, {errors.Length} distinct errors", JsonSerializer.Serialize(new { byAction, errors }));
        return [outcome, calls];
    }

    /// <summary>The record with the finished report's fields: root cause, outcome, finish time and the report itself.</summary>
    public static SessionRecord WithReport(this SessionRecord record, DiagnosisReport report)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(report);
        return record with
        {
            RootCause = report.RootCause.ToWire(),
            Outcome = ReportJson.Outcome(report.Outcome),
            FinishedAt = report.StartedAt + report.Duration,
            ReportJson = ReportJsonCodec.Serialize(report),
        };
    }
}
