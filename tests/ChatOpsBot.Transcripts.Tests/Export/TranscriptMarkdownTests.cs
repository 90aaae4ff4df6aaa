using System.Text.Json;
using ChatOpsBot.Runbooks.Charts;
using ChatOpsBot.Runbooks.Rendering;
using ChatOpsBot.Runbooks.Sessions;
using ChatOpsBot.Runbooks.Sessions.Export;
using static ChatOpsBot.Transcripts.Tests.Samples;

namespace ChatOpsBot.Transcripts.Tests.Export;

public sealed class TranscriptMarkdownTests
{
    internal static (SessionRecord Session, List<TranscriptEntry> Entries) Incident()
    {
        var report = Report(T0);
        var session = Session("s-42") with
        {
            Status = SessionStatus.Finished,
            RootCause = "network-blocked",
            Outcome = "Diagnosed",
            FinishedAt = T0.AddMilliseconds(4321),
            AcknowledgedBy = "bob (444)",
            AcknowledgedAt = T0.AddMinutes(2),
            ResolvedBy = "carol (555)",
            ResolvedAt = T0.AddMinutes(47).AddSeconds(30),
            ReportJson = ReportJsonCodec.Serialize(report),
        };
        List<TranscriptEntry> entries =
        [
            new("s-42", 1, T0, TranscriptEntryKind.Started, "alice (333333333333333333)", "started the 503 runbook on web-prod in eu-west-1", null),
            new("s-42", 2, T0.AddMilliseconds(850), TranscriptEntryKind.Transition, "runbook", "CheckTargets → CheckNetwork | targets time out", null),
            new("s-42", 3, T0.AddMilliseconds(4321), TranscriptEntryKind.Outcome, "bot", "finished: sg-0abc blocks health checks",
                JsonSerializer.Serialize(new { rootCause = "network-blocked", fix = new { Summary = "Open tcp/8080 from sg-0lb", Command = "aws ec2 authorize-security-group-ingress --group-id sg-0abc", Why = "health checks get through" } })),
            new("s-42", 4, T0.AddMilliseconds(4321), TranscriptEntryKind.AwsCalls, "bot", "12 AWS calls, 0 distinct errors", "{\"byAction\":{}}"),
            new("s-42", 5, T0.AddMinutes(2), TranscriptEntryKind.Click, "bob (444)", "I'm on it", null),
            new("s-42", 6, T0.AddMinutes(47).AddSeconds(30), TranscriptEntryKind.Note, "carol (555)", "resolved", null),
        ];
        return (session, entries);
    }

    [Fact]
    public void Write_FinishedAndResolvedSession_ReadsAsATimelineWithTimesFixPeopleAndReport()
    {
        var (session, entries) = Incident();

        var md = TranscriptMarkdown.Write(session, entries);

        Assert.StartsWith("# Session s-42: 503 on web-prod\n", md, StringComparison.Ordinal);
        Assert.Contains("- **Started by:** alice (333333333333333333) in Discord, guild 111111111111111111, channel 222222222222222222", md, StringComparison.Ordinal);
        Assert.Contains("- **Started at:** 2026-03-01 12:00:00 UTC", md, StringComparison.Ordinal);
        Assert.Contains("- **Acknowledged:** by bob (444) at 2026-03-01 12:02:00 UTC", md, StringComparison.Ordinal);
        Assert.Contains("- **Resolved:** by carol (555) at 2026-03-01 12:47:30 UTC", md, StringComparison.Ordinal);
        Assert.Contains("- **Time to diagnosis:** 4.3 s", md, StringComparison.Ordinal);
        Assert.Contains("- **Time to resolution:** 47 min 30 s", md, StringComparison.Ordinal);
        Assert.Contains("## Fix suggested\n\nOpen tcp/8080 from sg-0lb\n\n```sh\naws ec2 authorize-security-group-ingress --group-id sg-0abc\n```", md, StringComparison.Ordinal);
        Assert.Contains("**Why it works:** health checks get through", md, StringComparison.Ordinal);

        var rows = md.Split('\n').SkipWhile(l => l != "## Timeline").Where(l => l.StartsWith("| 2026-", StringComparison.Ordinal)).ToList();
        Assert.Equal(6, rows.Count);
        Assert.Equal("| 2026-03-01 12:00:00.123 | alice (333333333333333333) | Started: started the 503 runbook on web-prod in eu-west-1 |", rows[0]);
        Assert.Equal("| 2026-03-01 12:00:00.973 | runbook | Transition: CheckTargets → CheckNetwork \\| targets time out |", rows[1]);
        Assert.Contains("| AWS calls: 12 AWS calls", rows[3], StringComparison.Ordinal);
        Assert.Equal("| 2026-03-01 12:47:30.123 | carol (555) | Note: resolved |", rows[5]);

        var report = md[md.IndexOf("## Report\n", StringComparison.Ordinal)..];
        Assert.Contains("### 503 diagnosis: web-prod", report, StringComparison.Ordinal);
        Assert.Contains("#### Root cause: `network-blocked`", report, StringComparison.Ordinal);
        Assert.Contains("sg-0abc blocks health checks on port 8080", report, StringComparison.Ordinal);
    }

    [Fact]
    public void Write_EntriesOutOfOrder_TimelineFollowsSequence()
    {
        var (session, entries) = Incident();
        entries.Reverse();

        var md = TranscriptMarkdown.Write(session, entries);

        Assert.True(md.IndexOf("Started: started", StringComparison.Ordinal) < md.IndexOf("Note: resolved", StringComparison.Ordinal));
    }

    [Fact]
    public void Write_OutcomeWithoutFix_FallsBackToTheStoredReportsRootCauseFix()
    {
        var (session, entries) = Incident();
        entries[2] = entries[2] with { DataJson = "{\"rootCause\":\"network-blocked\",\"fix\":null}" };

        var md = TranscriptMarkdown.Write(session, entries);

        Assert.Contains("## Fix suggested\n\nAllow the health-check port from the load balancer's security group\n\n```sh\naws ec2 authorize-security-group-ingress --group-id sg-0abc --protocol tcp --port 8080", md, StringComparison.Ordinal);
    }

    [Fact]
    public void Write_UnfinishedCliSession_SaysItDidNotFinishAndWasNotDiagnosed_WithoutTheChatButtonsFields()
    {
        var session = Session("s-7") with { Source = "cli", GuildId = null, ChannelId = null, StartedById = null, StartedByName = "ops@laptop" };
        TranscriptEntry[] entries = [new("s-7", 1, T0, TranscriptEntryKind.Started, "ops@laptop", "started", null), new("s-7", 2, T0.AddMinutes(1), TranscriptEntryKind.Note, "bot", "interrupted: the bot stopped", null)];

        var md = TranscriptMarkdown.Write(session, entries);

        Assert.Contains("- **Started by:** ops@laptop from the terminal", md, StringComparison.Ordinal);
        Assert.Contains("- **Time to diagnosis:** not diagnosed", md, StringComparison.Ordinal);
        Assert.DoesNotContain("Acknowledged:", md, StringComparison.Ordinal);
        Assert.DoesNotContain("Resolved:", md, StringComparison.Ordinal);
        Assert.DoesNotContain("Time to resolution:", md, StringComparison.Ordinal);
        Assert.Contains("None: the session recorded no fix.", md, StringComparison.Ordinal);
        Assert.EndsWith("## Report\n\nThe session did not finish: there is no report.\n", md, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(850, "850 ms")]
    [InlineData(4321, "4.3 s")]
    [InlineData(725_000, "12 min 5 s")]
    [InlineData(7_620_000, "2 h 07 min")]
    [InlineData(273_600_000, "3 d 4 h")]
    public void Duration_IsWrittenForPeople(long ms, string expected) =>
        Assert.Equal(expected, TranscriptMarkdown.Duration(TimeSpan.FromMilliseconds(ms)));

    private static readonly ChartSpec HostsChart = new(
        "healthy-hosts",
        "Healthy vs unhealthy hosts — web-prod",
        "hosts",
        [new ChartSeries("web [blue] healthy", [T0], [0], ChartSeriesRole.Good)],
        [],
        T0.AddMinutes(-60),
        T0,
        T0);

    [Fact]
    public void Write_ChartsWithPaths_LinksEachPngUnderAChartsHeadingWithEscapedAltText()
    {
        var (session, entries) = Incident();

        var markdown = TranscriptMarkdown.Write(session, entries, TranscriptMarkdown.ChartsIn("s-42-charts", [HostsChart]));

        Assert.Contains("\n## Charts\n\n### Healthy vs unhealthy hosts — web-prod\n\n![Chart: Healthy vs unhealthy hosts", markdown, StringComparison.Ordinal);
        Assert.Contains("web \\[blue\\] healthy", markdown, StringComparison.Ordinal);
        Assert.Contains("](s-42-charts/healthy-hosts.png)", markdown, StringComparison.Ordinal);
        Assert.True(markdown.IndexOf("## Charts", StringComparison.Ordinal) < markdown.IndexOf("## Report", StringComparison.Ordinal));
    }

    [Fact]
    public void Write_ChartsWithoutPaths_NamesThemAndSaysHowToGetThePngs()
    {
        var (session, entries) = Incident();

        var markdown = TranscriptMarkdown.Write(session, entries, TranscriptMarkdown.NamedCharts([HostsChart]));

        Assert.DoesNotContain("![", markdown, StringComparison.Ordinal);
        Assert.Contains("### Healthy vs unhealthy hosts — web-prod", markdown, StringComparison.Ordinal);
        Assert.Contains("transcript export s-42 --format md --out DIR", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public void Write_NoCharts_HasNoChartsSection()
    {
        var (session, entries) = Incident();

        Assert.DoesNotContain("## Charts", TranscriptMarkdown.Write(session, entries, []), StringComparison.Ordinal);
        Assert.Equal(TranscriptMarkdown.Write(session, entries), TranscriptMarkdown.Write(session, entries, []));
    }
}
