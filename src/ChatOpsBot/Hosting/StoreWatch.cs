using Microsoft.Extensions.Options;

namespace ChatOpsBot.Hosting;

/// <summary>
/// A database that is down at start-up does not stop the bot (which would crash-loop, saying little): the bot starts,
/// <c>/readyz</c> says not ready and why, and this service logs one clear line per retry interval until the store
/// answers, then one line saying it is reachable. It also logs when a store that was reachable stops answering.
/// </summary>
internal sealed partial class StoreWatch(StoreProbe probe, IOptions<ReadinessOptions> options, TimeProvider time, ILogger<StoreWatch> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        bool? reachable = null;
        var failures = 0;
        while (!stoppingToken.IsCancellationRequested)
        {
            var check = await probe.CheckAsync(stoppingToken);
            if (check.Ok && reachable != true)
            {
                Reachable(logger, failures);
                failures = 0;
            }
            else if (!check.Ok)
            {
                failures++;
                Unreachable(logger, check.Problem ?? "?", check.Fix ?? string.Empty, failures, options.Value.StoreRetryInterval.TotalSeconds);
            }

            reachable = check.Ok;
            try
            {
                // Once reachable, look again only now and then: /readyz asks the store itself on every probe.
                await Task.Delay(check.Ok ? options.Value.StoreRetryInterval * 6 : options.Value.StoreRetryInterval, time, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    [LoggerMessage(EventId = 1101, Level = LogLevel.Error, Message = "Transcript store not reachable (attempt {Attempt}): {Problem} {Fix} The bot is up but not ready; next try in {RetrySeconds} s.")]
    private static partial void Unreachable(ILogger logger, string problem, string fix, int attempt, double retrySeconds);

    [LoggerMessage(EventId = 1102, Level = LogLevel.Information, Message = "Transcript store reachable (after {FailedAttempts} failed attempts)")]
    private static partial void Reachable(ILogger logger, int failedAttempts);
}
