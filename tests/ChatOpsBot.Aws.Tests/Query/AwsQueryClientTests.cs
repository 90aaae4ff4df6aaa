using ChatOpsBot.Aws.Query;
using ChatOpsBot.Aws.Tests.Infrastructure;
using ChatOpsBot.Runbooks.Evidence;
using Microsoft.Extensions.Time.Testing;

namespace ChatOpsBot.Aws.Tests.Query;

public sealed class AwsQueryClientTests
{
    private const string Ok = """
        <DescribeTargetHealthResponse xmlns="http://elasticloadbalancing.amazonaws.com/doc/2015-12-01/">
          <DescribeTargetHealthResult><TargetHealthDescriptions/></DescribeTargetHealthResult>
        </DescribeTargetHealthResponse>
        """;

    [Fact]
    public async Task Send_Request_IsSignedFormPostWithServiceScope()
    {
        await using var server = await FakeAwsServer.StartAsync(_ => CannedResponse.Xml(Ok));
        var client = TestAws.QueryClient(server, TimeProvider.System);

        await client.SendAsync("DescribeTargetHealth", new QueryParameters().Add("TargetGroupArn", "arn:aws:tg/x y"), CancellationToken.None);

        var request = Assert.Single(server.Requests);
        Assert.Equal("POST", request.Method);
        Assert.Equal("/", request.Path);
        Assert.Equal("application/x-www-form-urlencoded; charset=utf-8", request.Header("Content-Type"));
        Assert.Equal("Action=DescribeTargetHealth&Version=2015-12-01&TargetGroupArn=arn%3Aaws%3Atg%2Fx%20y", request.Body);
        var authorization = request.Header("Authorization");
        Assert.StartsWith("AWS4-HMAC-SHA256 Credential=" + TestAws.AccessKeyId + "/", authorization, StringComparison.Ordinal);
        Assert.Contains("/us-west-2/elasticloadbalancing/aws4_request", authorization, StringComparison.Ordinal);
        Assert.Contains("SignedHeaders=", authorization, StringComparison.Ordinal);
        Assert.Matches("Signature=[0-9a-f]{64}$", authorization);
        Assert.NotEmpty(request.Header("X-Amz-Date"));
        Assert.Equal(TestAws.SessionToken, request.Header("X-Amz-Security-Token"));
    }

    [Fact]
    public async Task Send_ThrottledTwiceThenOk_RetriesWithBackoffOnTheInjectedClock()
    {
        var calls = 0;
        await using var server = await FakeAwsServer.StartAsync(_ => Interlocked.Increment(ref calls) <= 2
            ? new CannedResponse(400, Fixtures.Read("errors/Query-Throttling.xml"))
            : CannedResponse.Xml(Ok));
        var time = new FakeTimeProvider();
        var started = time.GetUtcNow();
        var client = TestAws.QueryClient(server, time);

        using var scope = EvidenceCallLog.Begin(out var log);
        var task = client.SendAsync("DescribeTargetHealth", new QueryParameters(), CancellationToken.None);

        await WaitForRequestsAsync(server, 1);
        await Task.Delay(50);
        Assert.False(task.IsCompleted);
        Assert.Single(server.Requests);
        time.Advance(TimeSpan.FromMilliseconds(199));
        await Task.Delay(50);
        Assert.Single(server.Requests);
        time.Advance(TimeSpan.FromMilliseconds(1)); // first backoff window: 200 ms
        await WaitForRequestsAsync(server, 2);
        await Task.Delay(50);
        time.Advance(TimeSpan.FromMilliseconds(399));
        await Task.Delay(50);
        Assert.Equal(2, server.Requests.Count);
        time.Advance(TimeSpan.FromMilliseconds(1)); // second window: 400 ms
        await task;

        Assert.Equal(3, server.Requests.Count);
        var call = Assert.Single(log.Calls);
        Assert.Equal(new EvidenceCall("elasticloadbalancing", "DescribeTargetHealth", started, TimeSpan.FromMilliseconds(600), 3, "ok"), call);
    }

    [Fact]
    public async Task Send_AlwaysThrottled_GivesUpAsThrottledAfterMaxAttempts()
    {
        await using var server = await FakeAwsServer.StartAsync(_ => CannedResponse.QueryError(400, "Throttling", "Rate exceeded"));
        var time = new FakeTimeProvider();
        var client = TestAws.QueryClient(server, time, maxAttempts: 4);
        using var scope = EvidenceCallLog.Begin(out var log);

        var ex = await Assert.ThrowsAsync<EvidenceException>(() => TestAws.DriveAsync(
            client.SendAsync("DescribeTargetHealth", new QueryParameters(), CancellationToken.None), time));

        Assert.Equal(EvidenceFailureKind.Throttled, ex.Kind);
        Assert.Equal("Throttling", ex.ErrorCode);
        Assert.Equal("elasticloadbalancing:DescribeTargetHealth", ex.IamAction);
        Assert.Contains("after 4 attempts", ex.Message, StringComparison.Ordinal);
        Assert.Equal(4, server.Requests.Count);
        var call = Assert.Single(log.Calls);
        Assert.Equal((4, "Throttling"), (call.Attempts, call.Outcome));
    }

    [Theory]
    [InlineData(500)]
    [InlineData(502)]
    [InlineData(503)]
    [InlineData(504)]
    public async Task Send_ServerErrorThenOk_Retries(int status)
    {
        var calls = 0;
        await using var server = await FakeAwsServer.StartAsync(_ => Interlocked.Increment(ref calls) == 1
            ? new CannedResponse(status, "<html>bad gateway</html>", "text/html")
            : CannedResponse.Xml(Ok));
        var time = new FakeTimeProvider();
        var client = TestAws.QueryClient(server, time);

        await TestAws.DriveAsync(client.SendAsync("DescribeTargetHealth", new QueryParameters(), CancellationToken.None), time);

        Assert.Equal(2, server.Requests.Count);
    }

    [Fact]
    public async Task Send_AlwaysUnavailable_GivesUpAsUnavailable()
    {
        await using var server = await FakeAwsServer.StartAsync(_ => CannedResponse.QueryError(500, "HealthUnavailable", "try later", "Receiver"));
        var time = new FakeTimeProvider();
        var client = TestAws.QueryClient(server, time, maxAttempts: 3);

        var ex = await Assert.ThrowsAsync<EvidenceException>(() => TestAws.DriveAsync(
            client.SendAsync("DescribeTargetHealth", new QueryParameters(), CancellationToken.None), time));

        Assert.Equal(EvidenceFailureKind.Unavailable, ex.Kind);
        Assert.Equal("HealthUnavailable", ex.ErrorCode);
        Assert.Equal(3, server.Requests.Count);
    }

    [Fact]
    public async Task Send_Http429WithoutBody_RetriedThenThrottled()
    {
        await using var server = await FakeAwsServer.StartAsync(_ => new CannedResponse(429, string.Empty, "text/plain"));
        var time = new FakeTimeProvider();
        var client = TestAws.QueryClient(server, time, maxAttempts: 2);

        var ex = await Assert.ThrowsAsync<EvidenceException>(() => TestAws.DriveAsync(
            client.SendAsync("DescribeRules", new QueryParameters(), CancellationToken.None), time));

        Assert.Equal(EvidenceFailureKind.Throttled, ex.Kind);
        Assert.Equal(2, server.Requests.Count);
    }

    [Fact]
    public async Task Send_AccessDenied_FailsAtOnceWithTheIamAction()
    {
        await using var server = await FakeAwsServer.StartAsync(_ => CannedResponse.QueryError(
            403, "AccessDenied", "User: arn:aws:iam::123456789012:user/bot is not authorized to perform: elasticloadbalancing:DescribeRules"));
        var client = TestAws.QueryClient(server, new FakeTimeProvider());

        var ex = await Assert.ThrowsAsync<EvidenceException>(() => client.SendAsync("DescribeRules", new QueryParameters(), CancellationToken.None));

        Assert.Equal(EvidenceFailureKind.AccessDenied, ex.Kind);
        Assert.Single(server.Requests);
        Assert.Contains("elasticloadbalancing:DescribeRules", ex.Message, StringComparison.Ordinal);
        Assert.EndsWith(".", ex.Message.Split(" AWS said:")[0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Send_UnreachableEndpoint_RetriedThenUnavailable()
    {
        Uri endpoint;
        await using (var closed = await FakeAwsServer.StartAsync(_ => CannedResponse.Xml(Ok)))
        {
            endpoint = closed.Uri;
        }

        var time = new FakeTimeProvider();
        var http = new HttpClient(new Amazon.Runtime.Signing.SigV4SigningHandler(
            TestAws.Credentials, Amazon.RegionEndpoint.USWest2, "monitoring", new SocketsHttpHandler()));
        var client = new AwsQueryClient(
            http, endpoint, "cloudwatch", "2010-08-01", new ServiceLimiter(4),
            new QueryRetryPolicy(2, QueryRetryPolicy.DefaultBase, QueryRetryPolicy.DefaultCap, () => 1.0), time,
            Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance);

        var ex = await Assert.ThrowsAsync<EvidenceException>(() => TestAws.DriveAsync(
            client.SendAsync("GetMetricData", new QueryParameters(), CancellationToken.None), time));

        Assert.Equal(EvidenceFailureKind.Unavailable, ex.Kind);
        Assert.Contains("Could not reach", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Send_CancelledDuringBackoff_ThrowsOperationCanceled()
    {
        await using var server = await FakeAwsServer.StartAsync(_ => CannedResponse.QueryError(400, "Throttling", "Rate exceeded"));
        var client = TestAws.QueryClient(server, new FakeTimeProvider());
        using var cts = new CancellationTokenSource();

        var task = client.SendAsync("DescribeRules", new QueryParameters(), cts.Token);
        await WaitForRequestsAsync(server, 1);
        await cts.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => task);
        Assert.Single(server.Requests);
    }

    [Fact]
    public async Task SendAllPages_MarkerPagination_FollowsNextMarkerToTheEnd()
    {
        await using var server = await FakeAwsServer.StartAsync(request => CannedResponse.Xml(request.FormValue("Marker") switch
        {
            null => Page("<NextMarker>m1</NextMarker>"),
            "m1" => Page("<NextMarker>m2</NextMarker>"),
            _ => Page(string.Empty),
        }));
        var client = TestAws.QueryClient(server, TimeProvider.System);
        using var scope = EvidenceCallLog.Begin(out var log);

        var pages = await client.SendAllPagesAsync("DescribeRules", new QueryParameters().Add("ListenerArn", "l"), "Marker", "NextMarker", CancellationToken.None);

        Assert.Equal(3, pages.Count);
        Assert.Equal([null, "m1", "m2"], server.Requests.Select(r => r.FormValue("Marker")));
        Assert.All(server.Requests, r => Assert.Equal("l", r.FormValue("ListenerArn")));
        Assert.Equal(3, log.Calls.Count);
        Assert.Equal(3, log.SequentialWaves());

        static string Page(string marker) => $"<DescribeRulesResponse><DescribeRulesResult><Rules/>{marker}</DescribeRulesResult></DescribeRulesResponse>";
    }

    [Fact]
    public async Task SendAllPages_SameMarkerTwice_StopsWithAnError()
    {
        await using var server = await FakeAwsServer.StartAsync(_ => CannedResponse.Xml(
            "<DescribeRulesResponse><DescribeRulesResult><NextMarker>again</NextMarker></DescribeRulesResult></DescribeRulesResponse>"));
        var client = TestAws.QueryClient(server, TimeProvider.System);

        var ex = await Assert.ThrowsAsync<EvidenceException>(() =>
            client.SendAllPagesAsync("DescribeRules", new QueryParameters(), "Marker", "NextMarker", CancellationToken.None));

        Assert.Equal(EvidenceFailureKind.Unavailable, ex.Kind);
        Assert.Equal(2, server.Requests.Count);
    }

    [Fact]
    public async Task Send_ConcurrencyBound_NeverExceedsTheLimit()
    {
        var inFlight = 0;
        var peak = 0;
        await using var server = await FakeAwsServer.StartAsync(_ =>
        {
            var now = Interlocked.Increment(ref inFlight);
            InterlockedMax(ref peak, now);
            Thread.Sleep(20);
            Interlocked.Decrement(ref inFlight);
            return CannedResponse.Xml(Ok);
        });
        var client = TestAws.QueryClient(server, TimeProvider.System, maxConcurrency: 3);

        await Task.WhenAll(Enumerable.Range(0, 12).Select(_ => client.SendAsync("DescribeTargetHealth", new QueryParameters(), CancellationToken.None)));

        Assert.Equal(12, server.Requests.Count);
        Assert.InRange(peak, 1, 3);
    }

    private static void InterlockedMax(ref int target, int value)
    {
        int current;
        while ((current = Volatile.Read(ref target)) < value && Interlocked.CompareExchange(ref target, value, current) != current)
        {
        }
    }

    private static async Task WaitForRequestsAsync(FakeAwsServer server, int count)
    {
        for (var i = 0; i < 500 && server.Requests.Count < count; i++)
        {
            await Task.Delay(10);
        }

        Assert.True(server.Requests.Count >= count, $"expected {count} requests, saw {server.Requests.Count}");
    }
}
