using System.Diagnostics;
using System.Diagnostics.Metrics;
using ChatOpsBot.Runbooks.Telemetry;

namespace ChatOpsBot.Aws.Telemetry;

/// <summary>Every AWS request the bot makes, as metrics and as a client activity under the current runbook step.</summary>
internal static class AwsMetrics
{
    public static readonly Counter<long> Calls = ChatOpsTelemetry.Meter.CreateCounter<long>(
        "chatopsbot.aws.calls", "{call}", "AWS API calls (one per logical request or page, after its retries), by service, action and outcome (ok or the error code).");

    public static readonly Counter<long> Retries = ChatOpsTelemetry.Meter.CreateCounter<long>(
        "chatopsbot.aws.retries", "{attempt}", "HTTP attempts beyond the first, by service and action.");

    public static readonly Counter<long> Throttles = ChatOpsTelemetry.Meter.CreateCounter<long>(
        "chatopsbot.aws.throttles", "{response}", "Responses in which AWS throttled the bot, by service and action.");

    /// <summary>One finished logical call: counters, and a client activity spanning its attempts.</summary>
    public static void Call(string service, string action, DateTimeOffset started, TimeSpan elapsed, int attempts, string outcome)
    {
        var s = new KeyValuePair<string, object?>("service", service);
        var a = new KeyValuePair<string, object?>("action", action);
        Calls.Add(1, s, a, new("outcome", outcome));
        if (attempts > 1)
        {
            Retries.Add(attempts - 1, s, a);
        }

        using var activity = ChatOpsTelemetry.Source.StartActivity($"{service} {action}", ActivityKind.Client, parentContext: default, startTime: started);
        if (activity is not null)
        {
            activity.SetTag("rpc.system", "aws-api");
            activity.SetTag("rpc.service", service);
            activity.SetTag("rpc.method", action);
            activity.SetTag("chatopsbot.aws.attempts", attempts);
            activity.SetTag("chatopsbot.aws.outcome", outcome);
            if (outcome != "ok")
            {
                ChatOpsTelemetry.Fail(activity, outcome);
            }

            activity.SetEndTime(started.UtcDateTime + elapsed);
        }
    }

    public static void Throttled(string service, string action) =>
        Throttles.Add(1, new KeyValuePair<string, object?>("service", service), new KeyValuePair<string, object?>("action", action));
}
