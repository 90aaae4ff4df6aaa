using ChatOpsBot.Discord.Rest;
using ChatOpsBot.Discord.Sessions;
using ChatOpsBot.Runbooks.Engine;
using ChatOpsBot.Runbooks.Messaging;
using Microsoft.Extensions.Logging;

namespace ChatOpsBot.Discord.Hosting;

/// <summary>
/// Turns runbook progress into message edits without slowing the runbook: edits run beside it, at most one
/// every <c>interval</c>, always showing the latest step (older ones are skipped, never queued).
/// </summary>
internal sealed partial class ProgressPump(
    DiagnosisSession session,
    ISessionStore sessions,
    SessionMessenger messenger,
    TimeSpan interval,
    TimeProvider time,
    ILogger logger,
    CancellationToken cancellationToken) : IDiagnosisObserver
{
    private readonly Lock _gate = new();
    private readonly CancellationTokenSource _stopWaiting = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
    private DiagnosisProgress? _latest;
    private Task _pump = Task.CompletedTask;
    private DateTimeOffset _lastEdit = DateTimeOffset.MinValue;
    private bool _closed;

    public async ValueTask OnProgressAsync(DiagnosisProgress progress, CancellationToken cancellationToken1)
    {
        // Every transition is recorded before the runbook moves on (the per-step write the transcript benchmark measures).
        session.Progressed(progress, time.GetUtcNow());
        try
        {
            await sessions.SaveAsync(session, cancellationToken1);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // A store outage must not stop the diagnosis; the entries stay queued for the next save.
            SaveFailed(logger, session.Id, e.GetType().Name, e.Message);
        }
        if (progress.Finished)
        {
            return;
        }

        lock (_gate)
        {
            _latest = progress;
            if (_pump.IsCompleted && !_closed)
            {
                _pump = PumpAsync();
            }
        }
    }

    /// <summary>Stops editing and waits for an edit in flight, so the findings are the last word.</summary>
    public async Task CloseAsync()
    {
        Task pump;
        lock (_gate)
        {
            _closed = true;
            pump = _pump;
        }

        // Cut a pending wait short (an edit already in flight is left to finish).
        await _stopWaiting.CancelAsync();
        try
        {
            await pump;
        }
        catch (OperationCanceledException)
        {
        }
        finally
        {
            _stopWaiting.Dispose();
        }
    }

    private async Task PumpAsync()
    {
        while (true)
        {
            var wait = _lastEdit + interval - time.GetUtcNow();
            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait, time, _stopWaiting.Token);
            }

            DiagnosisProgress? next;
            lock (_gate)
            {
                next = _closed ? null : _latest;
                _latest = null;
                if (next is null)
                {
                    return;
                }
            }

            _lastEdit = time.GetUtcNow();
            try
            {
                await messenger.ShowAsync(session, DiagnosisMessages.Progress(session.Request.Symptom, session.Request.Region, next), cancellationToken);

                // Store the message id at once: if the process dies now, recovery edits this message in place.
                await sessions.SaveAsync(session, cancellationToken);
            }
            catch (DiscordApiException e)
            {
                EditFailed(logger, session.Id, e.Status, e.Message);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                SaveFailed(logger, session.Id, e.GetType().Name, e.Message);
            }
        }
    }

    [LoggerMessage(EventId = 2102, Level = LogLevel.Warning, Message = "Recording a step of session {SessionId} failed: {ErrorType}: {Error}")]
    private static partial void SaveFailed(ILogger logger, string sessionId, string errorType, string error);

    [LoggerMessage(EventId = 2101, Level = LogLevel.Warning, Message = "Progress edit of session {SessionId} failed ({Status}): {Error}")]
    private static partial void EditFailed(ILogger logger, string sessionId, int status, string error);
}
