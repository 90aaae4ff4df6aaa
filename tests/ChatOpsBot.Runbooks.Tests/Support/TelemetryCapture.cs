using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using ChatOpsBot.Runbooks.Telemetry;

namespace ChatOpsBot.Runbooks.Tests.Support;

/// <summary>
/// Listens to the <c>ChatOpsBot</c> activity source and meter for one test. Other tests record in parallel, so
/// results are read per trace: start a root activity, do the work under it, and ask for <see cref="ActivitiesIn"/>
/// and <see cref="MeasurementsIn"/> of its trace (a measurement belongs to the trace current when it was made).
/// Shared (linked) by the test projects whose code records telemetry.
/// </summary>
internal sealed class TelemetryCapture : IDisposable
{
    private readonly ConcurrentQueue<Activity> _activities = new();
    private readonly ConcurrentQueue<Measurement> _measurements = new();
    private readonly ActivityListener _activityListener;
    private readonly MeterListener _meterListener;

    public TelemetryCapture()
    {
        _activityListener = new ActivityListener
        {
            ShouldListenTo = s => s.Name == ChatOpsTelemetry.Name,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = _activities.Enqueue,
        };
        ActivitySource.AddActivityListener(_activityListener);
        _meterListener = new MeterListener
        {
            InstrumentPublished = (instrument, listener) =>
            {
                if (instrument.Meter.Name == ChatOpsTelemetry.Name)
                {
                    listener.EnableMeasurementEvents(instrument);
                }
            },
        };
        _meterListener.SetMeasurementEventCallback<long>((i, v, t, _) => Record(i, v, t));
        _meterListener.SetMeasurementEventCallback<double>((i, v, t, _) => Record(i, v, t));
        _meterListener.Start();
    }

    public IReadOnlyList<Activity> ActivitiesIn(ActivityTraceId trace) => [.. _activities.Where(a => a.TraceId == trace)];

    public IReadOnlyList<Measurement> MeasurementsIn(ActivityTraceId trace, string instrument) =>
        [.. _measurements.Where(m => m.Trace == trace && m.Instrument == instrument)];

    public void Dispose()
    {
        _meterListener.Dispose();
        _activityListener.Dispose();
    }

    private void Record(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags) =>
        _measurements.Enqueue(new Measurement(instrument.Name, value, tags.ToArray().ToDictionary(t => t.Key, t => t.Value), Activity.Current?.TraceId));

    internal sealed record Measurement(string Instrument, double Value, IReadOnlyDictionary<string, object?> Tags, ActivityTraceId? Trace);
}
