using System.Diagnostics;
using ChatOpsBot.Runbooks.Evidence.Network;
using ChatOpsBot.Runbooks.Http503;
using ChatOpsBot.Runbooks.Tests.Support;

namespace ChatOpsBot.Runbooks.Tests.Telemetry;

/// <summary>What a diagnosis records through the BCL: one activity with a child per step, and the diagnosis and step
/// instruments with their tags.</summary>
public sealed class RunbookTelemetryTests
{
    [Fact]
    public async Task RunAsync_SecurityGroupIncident_OneDiagnosisActivityWithAChildPerStep_AndTaggedMeasurements()
    {
        using var telemetry = new TelemetryCapture();
        var aws = FakeAwsAccount.ShopAlb();
        aws.SecurityGroups.Clear();
        aws.SecurityGroups.AddRange(Shop.SecurityGroups(new SecurityGroupRule("tcp", 443, 443, [], [], [Shop.LbGroup], [])));
        aws.TargetHealth[Shop.WebTgArn] = [Shop.Unhealthy(Shop.InstanceA, "Target.Timeout", "Request timed out")];
        aws.Metrics[Http503Metrics.Elb5xx] = [150, 150];
        using var root = new Activity("test").Start();

        var report = await new Http503Runbook(aws.Sources(), TimeProvider.System).RunAsync(TestSessions.Request(), null, CancellationToken.None);
        root.Stop();

        var mine = telemetry.ActivitiesIn(root.TraceId);
        var diagnosis = Assert.Single(mine, a => a.OperationName == "diagnose 503");
        Assert.Equal(root.SpanId, diagnosis.ParentSpanId);
        Assert.Equal("network-blocked", diagnosis.GetTagItem("chatopsbot.root_cause"));
        Assert.Equal("diagnosed", diagnosis.GetTagItem("chatopsbot.outcome"));
        Assert.Equal(Shop.AlbName, diagnosis.GetTagItem("chatopsbot.load_balancer"));
        var steps = mine.Where(a => a.OperationName == "runbook step").OrderBy(a => a.StartTimeUtc).ToList();
        Assert.All(steps, s => Assert.Equal(diagnosis.SpanId, s.ParentSpanId));
        Assert.Equal(report.Steps.Select(s => "step " + s.To), steps.Select(s => s.DisplayName));

        var started = Assert.Single(telemetry.MeasurementsIn(root.TraceId, "chatopsbot.diagnoses.started"));
        Assert.Equal("503", started.Tags["runbook"]);
        var finished = Assert.Single(telemetry.MeasurementsIn(root.TraceId, "chatopsbot.diagnoses.finished"));
        Assert.Equal("network-blocked", finished.Tags["root_cause"]);
        Assert.Equal("diagnosed", finished.Tags["outcome"]);
        var durations = telemetry.MeasurementsIn(root.TraceId, "chatopsbot.runbook.step.duration");
        Assert.Equal(report.Steps.Select(s => s.To), durations.Select(d => (string)d.Tags["state"]!));
        Assert.All(durations, d => Assert.True(d.Value >= 0));
    }

    [Fact]
    public async Task RunAsync_Cancelled_CountsTheDiagnosisFinishedAsCancelledAndMarksItsActivityFailed()
    {
        using var telemetry = new TelemetryCapture();
        var aws = FakeAwsAccount.ShopAlb();
        aws.Latency = TimeSpan.FromSeconds(30);
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));
        using var root = new Activity("test").Start();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => new Http503Runbook(aws.Sources(), TimeProvider.System).RunAsync(TestSessions.Request(), null, cancel.Token));
        root.Stop();

        var diagnosis = Assert.Single(telemetry.ActivitiesIn(root.TraceId), a => a.OperationName == "diagnose 503");
        Assert.Equal(ActivityStatusCode.Error, diagnosis.Status);
        Assert.Equal("cancelled", diagnosis.StatusDescription);
        var finished = Assert.Single(telemetry.MeasurementsIn(root.TraceId, "chatopsbot.diagnoses.finished"));
        Assert.Equal(("cancelled", "none"), ((string)finished.Tags["outcome"]!, (string)finished.Tags["root_cause"]!));
    }
}
