using System.Diagnostics.Metrics;

namespace ChatOpsBot.Runbooks.Telemetry;

/// <summary>What a runbook run records: diagnoses started and finished (root cause, outcome) and each step's duration.</summary>
internal static class RunbookMetrics
{
    public static readonly Counter<long> Started = ChatOpsTelemetry.Meter.CreateCounter<long>(
        "chatopsbot.diagnoses.started", "{diagnosis}", "Diagnoses started, by runbook.");

    public static readonly Counter<long> Finished = ChatOpsTelemetry.Meter.CreateCounter<long>(
        "chatopsbot.diagnoses.finished", "{diagnosis}", "Diagnoses that reached an end, by runbook, outcome and root cause (cancelled ones have outcome cancelled, failed ones error).");

    public static readonly Histogram<double> StepDuration = ChatOpsTelemetry.Meter.CreateHistogram(
        "chatopsbot.runbook.step.duration",
        "s",
        "Time to enter one runbook state (gathering its evidence or judging it), by runbook and state.",
        tags: null,
        advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60] });
}
