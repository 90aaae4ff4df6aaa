using ChatOpsBot.Aws.Telemetry;
using ChatOpsBot.Runbooks.Evidence;

namespace ChatOpsBot.Aws.Query;

/// <summary>Writes one <see cref="EvidenceCall"/> per logical request (after its retries) into the ambient log, and
/// the same call into the bot's metrics and traces.</summary>
internal static class CallRecorder
{
    public static void Record(TimeProvider time, string service, string operation, DateTimeOffset started, long startTimestamp, int attempts, string outcome)
    {
        var elapsed = time.GetElapsedTime(startTimestamp);
        EvidenceCallLog.Current?.Record(new EvidenceCall(service, operation, started, elapsed, attempts, outcome));
        AwsMetrics.Call(service, operation, started, elapsed, attempts, outcome);
    }
}
