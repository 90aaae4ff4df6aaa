using ChatOpsBot.Aws.Tests.Infrastructure;
using ChatOpsBot.Runbooks.Evidence;
using ChatOpsBot.Runbooks.Evidence.Metrics;

namespace ChatOpsBot.Aws.Tests.CloudWatch;

public sealed class CloudWatchMetricsEvidenceTests
{
    private static readonly DateTimeOffset Start = new(2024, 5, 1, 10, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset End = new(2024, 5, 1, 12, 0, 0, TimeSpan.FromHours(2)); // 10:00Z

    private static readonly MetricQuery Elb503 = new(
        "elb503", "AWS/ApplicationELB", "HTTPCode_ELB_503_Count", [new MetricDimension("LoadBalancer", "app/my-alb/50dc6c495c0c9188")], "Sum", 60);

    private static readonly MetricQuery Unhealthy = new(
        "unhealthy", "AWS/ApplicationELB", "UnHealthyHostCount",
        [new MetricDimension("TargetGroup", "targetgroup/tg/73e2d6bc24d8a067"), new MetricDimension("LoadBalancer", "app/my-alb/50dc6c495c0c9188")],
        "Minimum", 60);

    private static readonly MetricQuery Healthy = Unhealthy with { Id = "healthy", MetricName = "HealthyHostCount" };

    [Fact]
    public async Task GetMetricData_ThreeQueries_OneSignedCallWithTheDocumentedEncoding()
    {
        await using var server = await FakeAwsServer.StartAsync(_ => CannedResponse.Xml(Fixtures.Read("cloudwatch/GetMetricData.xml")));
        using var aws = TestAws.Create(server);

        await aws.Metrics.GetMetricDataAsync([Elb503, Unhealthy, Healthy], Start.AddHours(-1), End, CancellationToken.None);

        var request = Assert.Single(server.Requests);
        Assert.Equal(
            "Action=GetMetricData&Version=2010-08-01"
            + "&MetricDataQueries.member.1.Id=elb503"
            + "&MetricDataQueries.member.1.MetricStat.Metric.Namespace=AWS%2FApplicationELB"
            + "&MetricDataQueries.member.1.MetricStat.Metric.MetricName=HTTPCode_ELB_503_Count"
            + "&MetricDataQueries.member.1.MetricStat.Metric.Dimensions.member.1.Name=LoadBalancer"
            + "&MetricDataQueries.member.1.MetricStat.Metric.Dimensions.member.1.Value=app%2Fmy-alb%2F50dc6c495c0c9188"
            + "&MetricDataQueries.member.1.MetricStat.Period=60"
            + "&MetricDataQueries.member.1.MetricStat.Stat=Sum"
            + "&MetricDataQueries.member.1.ReturnData=true",
            request.Body[..request.Body.IndexOf("&MetricDataQueries.member.2.", StringComparison.Ordinal)]);
        Assert.Equal("TargetGroup", request.FormValue("MetricDataQueries.member.2.MetricStat.Metric.Dimensions.member.1.Name"));
        Assert.Equal("LoadBalancer", request.FormValue("MetricDataQueries.member.2.MetricStat.Metric.Dimensions.member.2.Name"));
        Assert.Equal("Minimum", request.FormValue("MetricDataQueries.member.3.MetricStat.Stat"));
        Assert.Equal("2024-05-01T09:00:00Z", request.FormValue("StartTime"));
        Assert.Equal("2024-05-01T10:00:00Z", request.FormValue("EndTime"));
        Assert.Contains("/us-west-2/monitoring/aws4_request", request.Header("Authorization"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetMetricData_SampleNewestFirst_ReturnsEachSeriesOldestFirst()
    {
        await using var server = await FakeAwsServer.StartAsync(_ => CannedResponse.Xml(Fixtures.Read("cloudwatch/GetMetricData.xml")));
        using var aws = TestAws.Create(server);

        var series = await aws.Metrics.GetMetricDataAsync([Elb503, Unhealthy, Healthy], Start, End.AddHours(1), CancellationToken.None);

        var elb = Assert.Single(series, s => s.Id == "elb503");
        Assert.Equal("HTTPCode_ELB_503_Count", elb.Label);
        Assert.Equal([Start, Start.AddMinutes(1), Start.AddMinutes(2)], elb.Timestamps);
        Assert.Equal([3.0, 97.0, 412.0], elb.Values);
        Assert.Equal("Complete", elb.StatusCode);
        Assert.Equal([1.0, 2.0], series.Single(s => s.Id == "unhealthy").Values);
        var healthy = series.Single(s => s.Id == "healthy");
        Assert.Empty(healthy.Timestamps);
        Assert.Empty(healthy.Values);
    }

    [Fact]
    public async Task GetMetricData_NextTokenPages_MergedPerIdInTimeOrder()
    {
        await using var server = await FakeAwsServer.StartAsync(request => CannedResponse.Xml(request.FormValue("NextToken") switch
        {
            null => Page("tok-1", "PartialData", ("elb503", ["2024-05-01T10:02:00Z", "2024-05-01T10:01:00Z"], ["5", "4"]), ("unhealthy", ["2024-05-01T10:02:00Z"], ["1"])),
            "tok-1" => Page(null, "Complete", ("elb503", ["2024-05-01T10:00:00Z"], ["3.5"]), ("unhealthy", [], [])),
            _ => "<bad/>",
        }));
        using var aws = TestAws.Create(server);
        using var scope = EvidenceCallLog.Begin(out var log);

        var series = await aws.Metrics.GetMetricDataAsync([Elb503, Unhealthy], Start, End.AddHours(1), CancellationToken.None);

        Assert.Equal([null, "tok-1"], server.Requests.Select(r => r.FormValue("NextToken")));
        Assert.Equal(server.Requests[0].FormValue("MetricDataQueries.member.1.Id"), server.Requests[1].FormValue("MetricDataQueries.member.1.Id"));
        var elb = series.Single(s => s.Id == "elb503");
        Assert.Equal([3.5, 4.0, 5.0], elb.Values);
        Assert.Equal([Start, Start.AddMinutes(1), Start.AddMinutes(2)], elb.Timestamps);
        Assert.Equal("Complete", elb.StatusCode);
        Assert.Equal(["ArithmeticError: one"], elb.Messages);
        Assert.Equal([1.0], series.Single(s => s.Id == "unhealthy").Values);
        Assert.All(log.Calls, c => Assert.Equal(("cloudwatch", "GetMetricData"), (c.Service, c.Operation)));
        Assert.Equal(2, log.Calls.Count);
    }

    [Fact]
    public async Task GetMetricData_MoreThan500Queries_SplitsIntoTwoCalls()
    {
        await using var server = await FakeAwsServer.StartAsync(_ => CannedResponse.Xml(Page(null, "Complete")));
        using var aws = TestAws.Create(server);
        var queries = Enumerable.Range(0, 501).Select(i => Elb503 with { Id = $"q{i}" }).ToList();

        var series = await aws.Metrics.GetMetricDataAsync(queries, Start, End.AddHours(1), CancellationToken.None);

        Assert.Equal(501, series.Count);
        Assert.Equal(2, server.Requests.Count);
        Assert.Contains(server.Requests, r => r.FormValue("MetricDataQueries.member.500.Id") == "q499" && r.FormValue("MetricDataQueries.member.501.Id") is null);
        Assert.Contains(server.Requests, r => r.FormValue("MetricDataQueries.member.1.Id") == "q500" && r.FormValue("MetricDataQueries.member.2.Id") is null);
    }

    [Theory]
    [InlineData("Elb503")]
    [InlineData("1abc")]
    [InlineData("elb-503")]
    [InlineData("")]
    [InlineData("with space")]
    public async Task GetMetricData_IdBreakingAwsRules_ThrowsArgumentExceptionWithoutCalling(string id)
    {
        await using var server = await FakeAwsServer.StartAsync(_ => CannedResponse.Xml(Page(null, "Complete")));
        using var aws = TestAws.Create(server);

        await Assert.ThrowsAsync<ArgumentException>(() => aws.Metrics.GetMetricDataAsync([Elb503 with { Id = id }], Start, End.AddHours(1), CancellationToken.None));

        Assert.Empty(server.Requests);
    }

    [Fact]
    public async Task GetMetricData_DuplicateIds_ThrowsArgumentException()
    {
        await using var server = await FakeAwsServer.StartAsync(_ => CannedResponse.Xml(Page(null, "Complete")));
        using var aws = TestAws.Create(server);

        await Assert.ThrowsAsync<ArgumentException>(() => aws.Metrics.GetMetricDataAsync([Elb503, Elb503], Start, End.AddHours(1), CancellationToken.None));
    }

    [Fact]
    public async Task GetMetricData_ForbiddenAccess_IsAccessDeniedForCloudWatch()
    {
        await using var server = await FakeAwsServer.StartAsync(_ => CannedResponse.QueryError(403, "AccessDenied", "not authorized to perform: cloudwatch:GetMetricData"));
        using var aws = TestAws.Create(server);

        var ex = await Assert.ThrowsAsync<EvidenceException>(() => aws.Metrics.GetMetricDataAsync([Elb503], Start, End.AddHours(1), CancellationToken.None));

        Assert.Equal(EvidenceFailureKind.AccessDenied, ex.Kind);
        Assert.Equal("cloudwatch:GetMetricData", ex.IamAction);
    }

    private static string Page(string? next, string status, params (string Id, string[] Timestamps, string[] Values)[] results) => $"""
        <GetMetricDataResponse xmlns="http://monitoring.amazonaws.com/doc/2010-08-01/">
          <GetMetricDataResult>
            <MetricDataResults>
              {string.Concat(results.Select(r => $"""
                <member>
                  <Values>{string.Concat(r.Values.Select(v => $"<member>{v}</member>"))}</Values>
                  <Timestamps>{string.Concat(r.Timestamps.Select(t => $"<member>{t}</member>"))}</Timestamps>
                  <Id>{r.Id}</Id>
                  <StatusCode>{status}</StatusCode>
                  <Messages><member><Code>ArithmeticError</Code><Value>one</Value></member></Messages>
                </member>
                """))}
            </MetricDataResults>
            {(next is null ? string.Empty : $"<NextToken>{next}</NextToken>")}
          </GetMetricDataResult>
        </GetMetricDataResponse>
        """;
}
