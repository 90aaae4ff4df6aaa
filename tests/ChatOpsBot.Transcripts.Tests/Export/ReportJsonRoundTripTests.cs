using ChatOpsBot.Runbooks.Causes;
using ChatOpsBot.Runbooks.Findings;
using ChatOpsBot.Runbooks.Rendering;
using ChatOpsBot.Transcripts.Sqlite;
using Microsoft.Data.Sqlite;
using static ChatOpsBot.Transcripts.Tests.Samples;

namespace ChatOpsBot.Transcripts.Tests.Export;

/// <summary>A real report survives <see cref="ReportJsonCodec"/> (the codec storage and chat share) and the store.</summary>
public sealed class ReportJsonRoundTripTests
{
    [Fact]
    public void Codec_FullReport_RoundTripsEveryMember()
    {
        var report = Report(T0.AddTicks(1234));

        var json = ReportJsonCodec.Serialize(report);
        var back = ReportJsonCodec.Deserialize(json)!;

        Assert.Contains("\"rootCause\":\"NetworkBlocked\"", json, StringComparison.Ordinal); // enums as names, camelCase
        Assert.Equal(json, ReportJsonCodec.Serialize(back));
        Assert.Equal(report.StartedAt, back.StartedAt);
        Assert.Equal(report.Window, back.Window);
        Assert.Equal(report.Duration, back.Duration);
        Assert.Equal(CauseId.NetworkBlocked, back.RootCause);
        Assert.Equal([CauseId.UnhealthyTargets], back.Contributing);
        Assert.Equal(report.Causes[0].Fix, back.Causes[0].Fix);
        Assert.Equal(CauseStatus.NotChecked, back.Causes[3].Status);
        Assert.Equal(report.Causes[1].Evidence[0].Resources, back.Causes[1].Evidence[0].Resources);
        Assert.Equal(report.Gaps, back.Gaps);
        Assert.Equal(report.Steps, back.Steps);
        Assert.Equal(report.AwsCalls, back.AwsCalls);
        Assert.Equal(report.Suggestions, back.Suggestions);
        Assert.Equal(ReportMarkdown.Write(report), ReportMarkdown.Write(back));
        Assert.Equal(DiagnosisOutcome.Diagnosed, back.Outcome);
    }

    [Fact]
    public async Task Store_ReportJson_ComesBackIdentical()
    {
        var dir = Path.Combine(Path.GetTempPath(), "chatopsbot-roundtrip-" + Guid.NewGuid().ToString("N"));
        try
        {
            var store = new SqliteTranscriptStore(Path.Combine(dir, "t.db"));
            var json = ReportJsonCodec.Serialize(Report(T0));
            await store.CreateSessionAsync(Session("s-r") with { ReportJson = json }, CancellationToken.None);

            var back = ReportJsonCodec.Deserialize((await store.GetSessionAsync("s-r", CancellationToken.None))!.ReportJson)!;

            Assert.Equal(json, ReportJsonCodec.Serialize(back));
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(dir, recursive: true);
        }
    }
}
