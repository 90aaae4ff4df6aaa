using ChatOpsBot.Runbooks.Sessions;
using ChatOpsBot.Transcripts.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ChatOpsBot.Transcripts.Retention;

/// <summary>
/// Deletes sessions (with their transcripts) and interaction claims older than <see cref="TranscriptOptions.RetentionDays"/>:
/// once at start, then every <see cref="TranscriptOptions.RetentionInterval"/> on the injected <see cref="TimeProvider"/>.
/// A failed pass is logged and retried at the next tick. Safe on several replicas at once (a delete is idempotent).
/// </summary>
internal sealed partial class RetentionService(
    ITranscriptStore store,
    IOptions<TranscriptOptions> options,
    TimeProvider timeProvider,
    ILogger<RetentionService> logger) : BackgroundService
{
    private PeriodicTimer? _timer;

    public override Task StartAsync(CancellationToken cancellationToken)
    {
        // Created here, not in ExecuteAsync (which .NET runs on the thread pool): the first tick is due exactly one
        // interval after start, whatever the scheduling.
        _timer = new PeriodicTimer(options.Value.RetentionInterval, timeProvider);
        return base.StartAsync(cancellationToken);
    }

    public override void Dispose()
    {
        _timer?.Dispose();
        base.Dispose();
    }

    /// <summary>One pass; returns the number of sessions deleted.</summary>
    internal async Task<int> RunOnceAsync(CancellationToken cancellationToken)
    {
        var days = options.Value.RetentionDays;
        var cutoff = timeProvider.GetUtcNow().AddDays(-days);
        var deleted = await store.DeleteOlderThanAsync(cutoff, cancellationToken).ConfigureAwait(false);
        LogDeleted(logger, deleted, days, cutoff);
        return deleted;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var timer = _timer ?? throw new InvalidOperationException("StartAsync creates the timer.");
        do
        {
            try
            {
                await RunOnceAsync(stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                LogFailed(logger, e);
            }
        }
        while (await WaitAsync(timer, stoppingToken).ConfigureAwait(false));
    }

    private static async Task<bool> WaitAsync(PeriodicTimer timer, CancellationToken stoppingToken)
    {
        try
        {
            return await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    [LoggerMessage(EventId = 6101, Level = LogLevel.Information, Message = "Transcript retention deleted {Sessions} sessions older than {Days} days (created before {Cutoff:O})")]
    private static partial void LogDeleted(ILogger logger, int sessions, int days, DateTimeOffset cutoff);

    [LoggerMessage(EventId = 6102, Level = LogLevel.Warning, Message = "Transcript retention pass failed; it runs again at the next interval")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
