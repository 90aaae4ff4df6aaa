using Microsoft.Extensions.Logging;

namespace ChatOpsBot.Aws.Query;

/// <summary>Log lines of the AWS adapter. No credentials, signatures or request bodies ever reach them.</summary>
internal static partial class AwsLog
{
    [LoggerMessage(EventId = 4100, Level = LogLevel.Debug,
        Message = "Retrying {Service}:{Operation} after {Outcome} (attempt {Attempt}), waiting {DelayMs:F0} ms")]
    public static partial void Retrying(ILogger logger, string service, string operation, string outcome, int attempt, double delayMs);

    [LoggerMessage(EventId = 4110, Level = LogLevel.Information,
        Message = "Assumed {RoleArn} for account {Account} as session {SessionName}; the credentials expire at {Expiration:O}")]
    public static partial void AssumedRole(ILogger logger, string account, string roleArn, string sessionName, DateTimeOffset expiration);

    [LoggerMessage(EventId = 4111, Level = LogLevel.Warning,
        Message = "Could not assume {RoleArn} for account {Account}: {ErrorCode}")]
    public static partial void AssumeRoleFailed(ILogger logger, string account, string roleArn, string errorCode);
}
