using ChatOpsBot.Runbooks.Charts;
using ChatOpsBot.Runbooks.Http503;
using ChatOpsBot.Runbooks.Tests.Support;

namespace ChatOpsBot.Runbooks.Tests.Charts;

public sealed class Http503ChartsRunTests
{
    [Fact]
    public async Task RunWithSessionAsync_HealthyAlb_ChartsSpanTheFetchedWindowAndMarkTheReportStart()
    {
        var aws = FakeAwsAccount.ShopAlb();
        var sources = aws.Sources();
        var metrics = (FakeMetricsEvidence)sources.Metrics;

        var (report, session) = await new Http503Runbook(sources, TimeProvider.System).RunWithSessionAsync(TestSessions.Request(), null, CancellationToken.None);
        var charts = Http503Charts.Build(session);

        var (_, start, end) = Assert.Single(metrics.Requests);
        Assert.NotEmpty(charts);
        Assert.All(charts, c =>
        {
            Assert.Equal(start, c.WindowStart);
            Assert.Equal(end, c.WindowEnd);
            Assert.Equal(report.StartedAt, c.DiagnosedAt);
        });
        Assert.Single(aws.Calls, c => c.Operation == "GetMetricData");
    }
}
