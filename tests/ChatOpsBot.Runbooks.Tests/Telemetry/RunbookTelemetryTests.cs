using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using ChatOpsBot.Runbooks.Http503;
using ChatOpsBot.Runbooks.Telemetry;
using ChatOpsBot.Runbooks.Tests.Support;

namespace ChatOpsBot.Runbooks.Tests.Telemetry;

/// <summary>What a diagnosis records through the BCL: one activity with a child per step, and the diagnosis and step
/// instruments with their tags. Measurements are attributed to this test by the trace they were made in, since other
/// tests diagnose in parallel.</summary>
public sealed class RunbookTelemetryTests
{
    [Fact]
    public async Task RunAsync_SecurityGroupIncident_OneDiagnosisActivityWithAChildPerStep_AndTaggedMeasurements()
    {
        var activities = new ConcurrentQueue<Activity>();
        var measurements = new ConcurrentQueue<(string Instrument, double Value, Dictionary<string, object?> Tags, ActivityTraceId? Trace)>();
        using var activityListener = new ActivityListener
        {
            ShouldListenTo = s => s.Name == ChatOpsTelemetry.Name,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = activities.Enqueue,
        };
        ActivitySource.AddActivityListener(activityListener);
        using var meterListener = new MeterListener
        {
            InstrumentPublished = (instrument, listener) =>
            {
                if (instrument.Meter.Name == ChatOpsTelemetry.Name)
                {
                    listener.EnableMeasurementEvents(instrument);
                }
            },
        };
        void Record(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags) =>
            measurements.Enqueue((instrument.Name, value, tags.ToArray().ToDictionary(t => t.Key, t => t.Value), Activity.Current?.TraceId));
        meterListener.SetMeasurementEventCallback<long>((i, v, t, _) => Record(i, v, t));
        meterListener.SetMeasurementEventCallback<double>((i, v, t, _) => Record(i, v, t));
        meterListener.Start();

        var aws = FakeAwsAccount.ShopAlb();
        aws.SecurityGroups.Clear();
        aws.SecurityGroups.AddRange(Shop.SecurityGroups(new Evidence.Network.SecurityGroupRule("tcp", 443, 443, [], [], [Shop.LbGroup], [])));
        aws.TargetHealth[Shop.WebTgArn] = [Shop.Unhealthy(Shop.InstanceA, "Target.Timeout", "Request timed out")];
        aws.Metrics[Http503Metrics.Elb5xx] = [150, 150];
        using var root = new Activity("test").Start();
        var report = await new Http503Runbook(aws.Sources(), TimeProvider.System).RunAsync(TestSessions.Request(), null, CancellationToken.None);
        root.Stop();

        var mine = activities.Where(a => a.TraceId == root.TraceId).ToList();
        var diagnosis = Assert.Single(mine, a => a.OperationName == "diagnose 503");
        Assert.Equal(root.SpanId, diagnosis.ParentSpanId);
        Assert.Equal("network-blocked", diagnosis.GetTagItem("chatopsbot.root_cause"));
        Assert.Equal("diagnosed", diagnosis.GetTagItem("chatopsbot.outcome"));
        Assert.Equal(Shop.AlbName, diagnosis.GetTagItem("chatopsbot.load_balancer"));
        var steps = mine.Where(a => a.OperationName == "runbook step").OrderBy(a => a.StartTimeUtc).ToList();
        Assert.All(steps, s => Assert.Equal(diagnosis.SpanId, s.ParentSpanId));
        Assert.Equal(report.Steps.Select(s => "step " + s.To), steps.Select(s => s.DisplayName));

        var ours = measurements.Where(m => m.Trace == root.TraceId).ToList();
        var started = Assert.Single(ours, m => m.Instrument == "chatopsbot.diagnoses.started");
        Assert.Equal("503", started.Tags["runbook"]);
        var finished = Assert.Single(ours, m => m.Instrument == "chatopsbot.diagnoses.finished");
        Assert.Equal("network-blocked", finished.Tags["root_cause"]);
        Assert.Equal("diagnosed", finished.Tags["outcome"]);
        var durations = ours.Where(m => m.Instrument == "chatopsbot.runbook.step.duration").ToList();
        Assert.Equal(report.Steps.Select(s => s.To), durations.Select(d => (string)d.Tags["state"]!));
        Assert.All(durations, d => Assert.True(d.Value >= 0));
    }

    [Fact]
    public async Task RunAsync_Cancelled_CountsTheDiagnosisFinishedAsCancelledAndMarksItsActivityFailed()
    {
        var activities = new ConcurrentQueue<Activity>();
        using var activityListener = new ActivityListener
        {
            ShouldListenTo = s => s.Name == ChatOpsTelemetry.Name,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = activities.Enqueue,
        };
        ActivitySource.AddActivityListener(activityListener);
        var aws = FakeAwsAccount.ShopAlb();
        aws.Latency = TimeSpan.FromSeconds(30);
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));
        using var root = new Activity("test").Start();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => new Http503Runbook(aws.Sources(), TimeProvider.System).RunAsync(TestSessions.Request(), null, cancel.Token));
        root.Stop();

        var diagnosis = Assert.Single(activities, a => a.TraceId == root.TraceId && a.OperationName == "diagnose 503");
        Assert.Equal(ActivityStatusCode.Error, diagnosis.Status);
        Assert.Equal("cancelled", diagnosis.StatusDescription);
    }
}
