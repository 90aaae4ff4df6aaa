using ChatOpsBot.Discord.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ChatOpsBot.Discord.Hosting;

/// <summary>
/// Runs queued work with bounded concurrency (DiscordOptions.MaxConcurrentDiagnoses). On shutdown it closes the queue,
/// lets what is queued or running finish for up to <see cref="ShutdownOptions.GracePeriod"/>, then cancels the rest and
/// hands it over (<see cref="SessionRecovery.HandOverAsync"/>: interrupted, with Re-run) so nothing is silently lost.
/// The drain runs in <see cref="StoppingAsync"/>, which the host calls before it stops any service, so the web server
/// still answers meanwhile (<c>/readyz</c> 503, new interactions 503).
/// </summary>
public sealed partial class WorkQueueService(
    WorkQueue queue,
    SessionRecovery recovery,
    IOptions<DiscordOptions> options,
    IOptions<ShutdownOptions> shutdown,
    TimeProvider time,
    ILogger<WorkQueueService> logger) : IHostedLifecycleService, IDisposable
{
    private readonly CancellationTokenSource _abort = new();
    private Task _consumers = Task.CompletedTask;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _consumers = Task.WhenAll(Enumerable.Range(0, options.Value.MaxConcurrentDiagnoses).Select(_ => Task.Run(ConsumeAsync, CancellationToken.None)));
        return Task.CompletedTask;
    }

    public Task StartingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => _abort.CancelAsync();

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public async Task StoppingAsync(CancellationToken cancellationToken)
    {
        queue.Complete();
        var grace = shutdown.Value.GracePeriod;
        if (queue.Running + queue.Depth > 0)
        {
            Draining(logger, queue.Running, queue.Depth, grace.TotalSeconds);
        }

        if (!await FinishesWithinAsync(grace, cancellationToken))
        {
            GraceOver(logger, queue.Running, queue.Depth);
            await _abort.CancelAsync();
            await FinishesWithinAsync(shutdown.Value.HandOverTime, cancellationToken);
        }

        try
        {
            var handedOver = await recovery.HandOverAsync(cancellationToken);
            if (handedOver > 0)
            {
                HandedOver(logger, handedOver);
            }
        }
        catch (OperationCanceledException)
        {
            // The host's shutdown timeout fired first: sessions not reached stay running in the store, and the next
            // replica's recovery sweep marks them interrupted once they are older than Discord:AbandonedAfter.
            HandOverFailed(logger, "Timeout", "the host's shutdown timeout ended the hand-over");
        }
        catch (Exception e)
        {
            HandOverFailed(logger, e.GetType().Name, e.Message);
        }
    }

    public void Dispose() => _abort.Dispose();

    private async Task<bool> FinishesWithinAsync(TimeSpan limit, CancellationToken cancellationToken)
    {
        try
        {
            await _consumers.WaitAsync(limit, time, cancellationToken);
            return true;
        }
        catch (TimeoutException)
        {
            return false;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    private async Task ConsumeAsync()
    {
        var abort = _abort.Token;
        try
        {
            await foreach (var item in queue.Reader.ReadAllAsync(abort))
            {
                queue.Dequeued();
                try
                {
                    await item.RunAsync(abort);
                }
                catch (OperationCanceledException) when (abort.IsCancellationRequested)
                {
                    Abandoned(logger, item.Name);
                }
                catch (Exception e)
                {
                    WorkFailed(logger, item.Name, e.GetType().Name, e.Message);
                }
                finally
                {
                    queue.Done();
                }
            }
        }
        catch (OperationCanceledException) when (abort.IsCancellationRequested)
        {
        }
    }

    [LoggerMessage(EventId = 2001, Level = LogLevel.Error, Message = "Background work {Work} failed: {ErrorType}: {Error}")]
    private static partial void WorkFailed(ILogger logger, string work, string errorType, string error);

    [LoggerMessage(EventId = 2002, Level = LogLevel.Information, Message = "Shutting down: no new interactions; waiting up to {GraceSeconds} s for {Running} running and {Queued} queued work items")]
    private static partial void Draining(ILogger logger, int running, int queued, double graceSeconds);

    [LoggerMessage(EventId = 2003, Level = LogLevel.Warning, Message = "Shutdown grace period over: cancelling {Running} running and {Queued} queued work items; their sessions are handed over")]
    private static partial void GraceOver(ILogger logger, int running, int queued);

    [LoggerMessage(EventId = 2004, Level = LogLevel.Warning, Message = "Work {Work} was cancelled by shutdown before it finished")]
    private static partial void Abandoned(ILogger logger, string work);

    [LoggerMessage(EventId = 2005, Level = LogLevel.Warning, Message = "Shutdown: {Count} unfinished sessions marked interrupted (Re-run offered in their messages)")]
    private static partial void HandedOver(ILogger logger, int count);

    [LoggerMessage(EventId = 2006, Level = LogLevel.Error, Message = "Shutdown: handing over unfinished sessions failed: {ErrorType}: {Error}")]
    private static partial void HandOverFailed(ILogger logger, string errorType, string error);
}
