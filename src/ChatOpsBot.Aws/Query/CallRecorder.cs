using ChatOpsBot.Runbooks.Evidence;

namespace ChatOpsBot.Aws.Query;

/// <summary>Writes one <see cref="EvidenceCall"/> per logical request (after its retries) into the ambient log.</summary>
internal static class CallRecorder
{
    public static void Record(TimeProvider time, string service, string operation, DateTimeOffset started, long startTimestamp, int attempts, string outcome) =>
        EvidenceCallLog.Current?.Record(new EvidenceCall(service, operation, started, time.GetElapsedTime(startTimestamp), attempts, outcome));
}
