using Microsoft.Extensions.Logging;

namespace ChatOpsBot.Aws.Query;

/// <summary>Log lines of the AWS adapter. No credentials, signatures or request bodies ever reach them.</summary>
internal static partial class AwsLog
{
    [LoggerMessage(EventId = 4100, Level = LogLevel.Debug,
        Message = "Retrying {Service}:{Operation} after {Outcome} (attempt {Attempt}), waiting {DelayMs:F0} ms")]
    public static partial void Retrying(ILogger logger, string service, string operation, string outcome, int attempt, double delayMs);
}
