using ChatOpsBot.Discord.Configuration;
using ChatOpsBot.Discord.Rest;
using ChatOpsBot.Discord.Sessions;
using ChatOpsBot.Runbooks.Messaging;
using ChatOpsBot.Runbooks.Sessions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ChatOpsBot.Discord.Hosting;

/// <summary>
/// At start-up and then every minute: sessions still marked running that no process is running any more (this
/// replica's own from before a restart, or anyone's older than <see cref="DiscordOptions.AbandonedAfter"/>) are
/// marked interrupted — by exactly one replica — and their message says so, with Re-run and Transcript buttons.
/// </summary>
public sealed partial class SessionRecovery(
    ITranscriptStore store,
    ISessionStore sessions,
    SessionMessenger messenger,
    IOptions<DiscordOptions> options,
    TimeProvider time,
    ILogger<SessionRecovery> logger) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromMinutes(1);

    /// <summary>One pass; returns how many sessions this replica marked interrupted.</summary>
    public Task<int> SweepAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        return MarkInterruptedAsync(
            record => sessions.Live(record.Id) is null && (record.Owner == sessions.Owner || now - record.CreatedAt > options.Value.AbandonedAfter),
            cancellationToken);
    }

    /// <summary>At shutdown, once work has stopped: every unfinished session this replica owns (queued, or cut off by
    /// the grace period) is marked interrupted and its message offers Re-run, so a person or another replica takes over.</summary>
    public Task<int> HandOverAsync(CancellationToken cancellationToken) =>
        MarkInterruptedAsync(record => record.Owner == sessions.Owner, cancellationToken);

    private async Task<int> MarkInterruptedAsync(Func<SessionRecord, bool> orphan, CancellationToken cancellationToken)
    {
        var marked = 0;
        var now = time.GetUtcNow();
        foreach (var record in await store.FindUnfinishedAsync(cancellationToken))
        {
            if (record.Source != "discord" || !orphan(record) || !await store.TryMarkInterruptedAsync(record.Id, now, cancellationToken))
            {
                continue;
            }

            using var scope = LogScopes.Session(logger, record.Id);
            marked++;

            // The live session (this process was running it) still holds the interaction token, so its own message is
            // edited; the record just read carries the latest marks, so the store is not read again.
            var session = sessions.Live(record.Id) ?? new DiagnosisSession(record);
            session.Refresh(record);
            session.MarkInterrupted(now);
            try
            {
                await messenger.ShowAsync(session, DiagnosisMessages.Interrupted(record.Runbook, record.LoadBalancer, record.Id), cancellationToken);
            }
            catch (DiscordApiException e)
            {
                AnnounceFailed(logger, record.Id, e.Status, e.Message);
            }

            await sessions.SaveAsync(session, cancellationToken);
            sessions.Release(record.Id);
            Interrupted(logger, record.Id, record.Owner ?? "?");
        }

        return marked;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await SweepAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                SweepFailed(logger, e.GetType().Name, e.Message);
            }

            try
            {
                await Task.Delay(Interval, time, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    [LoggerMessage(EventId = 2601, Level = LogLevel.Warning, Message = "Session {SessionId} (owner {Owner}) was interrupted before it finished; its message now says so")]
    private static partial void Interrupted(ILogger logger, string sessionId, string owner);

    [LoggerMessage(EventId = 2602, Level = LogLevel.Warning, Message = "Telling the channel that session {SessionId} was interrupted failed ({Status}): {Error}")]
    private static partial void AnnounceFailed(ILogger logger, string sessionId, int status, string error);

    [LoggerMessage(EventId = 2603, Level = LogLevel.Warning, Message = "Looking for interrupted sessions failed: {ErrorType}: {Error}")]
    private static partial void SweepFailed(ILogger logger, string errorType, string error);
}
