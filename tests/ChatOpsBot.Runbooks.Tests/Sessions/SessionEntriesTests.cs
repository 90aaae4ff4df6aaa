using System.Text.Json;
using ChatOpsBot.Runbooks.Engine;
using ChatOpsBot.Runbooks.Evidence.Instances;
using ChatOpsBot.Runbooks.Rendering;
using ChatOpsBot.Runbooks.Sessions;
using ChatOpsBot.Runbooks.Tests.Support;

namespace ChatOpsBot.Runbooks.Tests.Sessions;

public sealed class SessionEntriesTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 28, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Started_NamesTheRequest_TheOnInstanceChecks_AndWhatItRanAgainst()
    {
        var request = new DiagnosisRequest("503", "shop-alb", "eu-west-1", TimeSpan.FromMinutes(30), new InstanceProbeOptions(MaxInstances: 1, ServiceName: "orders-api", DependencyHosts: ["db.internal", "cache.internal"]));

        var plain = SessionEntries.Started("s-1", T0, "alice", request with { OnInstance = null });
        var simulated = SessionEntries.Started("s-1", T0, "alice", request, "the simulated AWS (scenario 'x')");

        Assert.Equal(TranscriptEntryKind.Started, plain.Kind);
        Assert.Equal("alice", plain.Actor);
        Assert.Equal("started the 503 runbook on shop-alb in eu-west-1", plain.Text);
        Assert.Equal(
            "started the 503 runbook on shop-alb in eu-west-1 against the simulated AWS (scenario 'x'), with on-instance checks (up to 1 instance; service orders-api; dependencies db.internal, cache.internal)",
            simulated.Text);
    }

    [Fact]
    public void Finished_RecordsTheOutcomeWithItsFix_AndTheAwsCallsPerActionWithTheirErrors()
    {
        var report = Reports.EmptyTargetGroup();

        var entries = SessionEntries.Finished("s-1", T0, report);

        Assert.Equal([TranscriptEntryKind.Outcome, TranscriptEntryKind.AwsCalls], entries.Select(e => e.Kind));
        using var outcome = JsonDocument.Parse(entries[0].DataJson!);
        Assert.Equal("no-registered-targets", outcome.RootElement.GetProperty("rootCause").GetString());
        Assert.Equal(Reports.RegisterCommand, outcome.RootElement.GetProperty("fix").GetProperty("Command").GetString());
        Assert.Equal("3 AWS calls, 1 distinct errors", entries[1].Text);
        using var calls = JsonDocument.Parse(entries[1].DataJson!);
        Assert.Equal(1, calls.RootElement.GetProperty("byAction").GetProperty("ec2:DescribeDhcpOptions").GetInt32());
        Assert.Equal("ec2:DescribeDhcpOptions AccessDenied", calls.RootElement.GetProperty("errors")[0].GetString());
    }

    [Fact]
    public void WithReport_FillsRootCauseOutcomeFinishTime_AndAReportThatReadsBack()
    {
        var report = Reports.EmptyTargetGroup();
        var record = new SessionRecord("s-1", "503", "shop-alb", "eu-west-1", 60, "cli", null, null, null, "alice", T0, SessionStatus.Running, null, null, null, null, null, null, null, null, null, null, null, null);

        var finished = record.WithReport(report);

        Assert.Equal("no-registered-targets", finished.RootCause);
        Assert.Equal("diagnosed", finished.Outcome);
        Assert.Equal(report.StartedAt + report.Duration, finished.FinishedAt);
        Assert.Equal(report.Headline, ReportJsonCodec.Deserialize(finished.ReportJson)!.Headline);
        Assert.Equal(SessionStatus.Running, finished.Status);
    }
}
