using ChatOpsBot.Discord.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ChatOpsBot.Discord.Hosting;

/// <summary>Runs queued work with bounded concurrency (DiscordOptions.MaxConcurrentDiagnoses).</summary>
public sealed partial class WorkQueueService(WorkQueue queue, IOptions<DiscordOptions> options, ILogger<WorkQueueService> logger) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(Enumerable.Range(0, options.Value.MaxConcurrentDiagnoses).Select(_ => ConsumeAsync(stoppingToken)));

    private async Task ConsumeAsync(CancellationToken stoppingToken)
    {
        try
        {
            await foreach (var item in queue.Reader.ReadAllAsync(stoppingToken))
            {
                queue.Dequeued();
                try
                {
                    await item.RunAsync(stoppingToken);
                }
                catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
                {
                    return;
                }
                catch (Exception e)
                {
                    WorkFailed(logger, item.Name, e.GetType().Name, e.Message);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    [LoggerMessage(EventId = 2001, Level = LogLevel.Error, Message = "Background work {Work} failed: {ErrorType}: {Error}")]
    private static partial void WorkFailed(ILogger logger, string work, string errorType, string error);
}
