using ChatOpsBot.Discord.Configuration;
using ChatOpsBot.Discord.Rest;
using ChatOpsBot.Discord.Sessions;
using ChatOpsBot.Runbooks.Charts;
using ChatOpsBot.Runbooks.Engine;
using ChatOpsBot.Runbooks.Evidence;
using ChatOpsBot.Runbooks.Http503;
using ChatOpsBot.Runbooks.Messaging;
using ChatOpsBot.Runbooks.Sessions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ChatOpsBot.Discord.Hosting;

/// <summary>Runs one session's runbook with live progress edits, then shows the findings (or why it failed). The
/// charts of the evidence are stored with the session and the first <see cref="ChartImages.MaxInChat"/> are uploaded
/// with the findings when a chart renderer is registered.</summary>
public sealed partial class DiagnosisRunner(
    IEvidenceSourcesProvider evidence,
    ISessionStore sessions,
    ITranscriptStore store,
    SessionMessenger messenger,
    IOptions<DiscordOptions> options,
    IOptions<InstanceProbeSettings> probe,
    TimeProvider time,
    ILogger<DiagnosisRunner> logger,
    IChartImageRenderer? chartRenderer = null)
{
    public WorkItem WorkFor(DiagnosisSession session) => new($"diagnosis {session.Id}", ct => RunAsync(session, ct));

    public async Task RunAsync(DiagnosisSession session, CancellationToken cancellationToken)
    {
        using var scope = LogScopes.Session(logger, session);
        session.Started(time.GetUtcNow());
        await sessions.SaveAsync(session, cancellationToken);
        var pump = new ProgressPump(session, sessions, messenger, options.Value.ProgressEditInterval, time, logger, cancellationToken);
        ChatMessage final;
        IReadOnlyList<ChartSpec> charts = [];
        try
        {
            var runbook = new Http503Runbook(evidence.For(session.Request.Region, session.Request.Account), time);
            var (report, evidenceSession) = await runbook.RunWithSessionAsync(session.Request, pump, cancellationToken);
            session.Finished(report, time.GetUtcNow());
            charts = Http503Charts.Build(evidenceSession);
            final = DiagnosisMessages.Findings(report, session.Marks, session.Id, probe.Value.Offers(report));
            Finished(logger, session.Id, report.Outcome.ToString(), report.RootCause.ToString(), (long)report.Duration.TotalMilliseconds);
        }
        catch (Exception e) when (e is EvidenceException or ArgumentException or HttpRequestException)
        {
            session.Failed(time.GetUtcNow(), e.Message);
            final = DiagnosisMessages.Notice($"{session.Request.Symptom} diagnosis · {session.Request.LoadBalancer}", $"The diagnosis could not run: {e.Message}");
            Failed(logger, session.Id, e.GetType().Name, e.Message);
        }
        finally
        {
            await pump.CloseAsync();
        }

        try
        {
            // Store the outcome before showing it: a click on the findings may reach another replica at once,
            // which loads the session (and its report) from the store.
            if (charts.Count > 0)
            {
                await store.SaveChartsAsync(session.Id, charts, cancellationToken);
                final = final with
                {
                    Images = ChartPictures.Draw(charts.Take(ChartImages.MaxInChat), chartRenderer, logger, session.Id),
                };
            }

            await sessions.SaveAsync(session, cancellationToken);
            await messenger.ShowAsync(session, final, cancellationToken);
        }
        catch (DiscordApiException e)
        {
            ShowFailed(logger, session.Id, e.Status, e.Message);
        }
        finally
        {
            await sessions.SaveAsync(session, CancellationToken.None);
            sessions.Release(session.Id);
        }
    }

    [LoggerMessage(EventId = 2201, Level = LogLevel.Information, Message = "Session {SessionId} finished: {Outcome}, root cause {RootCause}, {DurationMs} ms")]
    private static partial void Finished(ILogger logger, string sessionId, string outcome, string rootCause, long durationMs);

    [LoggerMessage(EventId = 2202, Level = LogLevel.Warning, Message = "Session {SessionId} could not run: {ErrorType}: {Error}")]
    private static partial void Failed(ILogger logger, string sessionId, string errorType, string error);

    [LoggerMessage(EventId = 2203, Level = LogLevel.Error, Message = "Session {SessionId}: showing the findings failed ({Status}): {Error}")]
    private static partial void ShowFailed(ILogger logger, string sessionId, int status, string error);
}
