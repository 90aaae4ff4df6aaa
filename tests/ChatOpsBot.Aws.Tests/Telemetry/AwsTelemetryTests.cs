using System.Diagnostics;
using ChatOpsBot.Aws.Query;
using ChatOpsBot.Aws.Tests.Infrastructure;
using ChatOpsBot.Runbooks.Tests.Support;

namespace ChatOpsBot.Aws.Tests.Telemetry;

/// <summary>Every AWS call shows as one client activity under the caller's (a runbook step's) and in the call, retry
/// and throttle counters.</summary>
public sealed class AwsTelemetryTests
{
    private const string Ok = """
        <DescribeTargetHealthResponse xmlns="http://elasticloadbalancing.amazonaws.com/doc/2015-12-01/">
          <DescribeTargetHealthResult><TargetHealthDescriptions/></DescribeTargetHealthResult>
        </DescribeTargetHealthResponse>
        """;

    [Fact]
    public async Task Send_ThrottledTwiceThenOk_OneClientActivityUnderTheCaller_TwoThrottlesTwoRetriesOneOkCall()
    {
        using var telemetry = new TelemetryCapture();
        var calls = 0;
        await using var server = await FakeAwsServer.StartAsync(_ => Interlocked.Increment(ref calls) <= 2
            ? new CannedResponse(400, Fixtures.Read("errors/Query-Throttling.xml"))
            : CannedResponse.Xml(Ok));
        var client = TestAws.QueryClient(server, TimeProvider.System);
        using var step = new Activity("step").Start();

        await client.SendAsync("DescribeTargetHealth", new QueryParameters(), CancellationToken.None);
        step.Stop();

        var call = Assert.Single(telemetry.ActivitiesIn(step.TraceId));
        Assert.Equal("elasticloadbalancing DescribeTargetHealth", call.OperationName);
        Assert.Equal(ActivityKind.Client, call.Kind);
        Assert.Equal(step.SpanId, call.ParentSpanId);
        Assert.Equal(3, call.GetTagItem("chatopsbot.aws.attempts"));
        Assert.Equal("ok", call.GetTagItem("chatopsbot.aws.outcome"));
        Assert.Equal(ActivityStatusCode.Unset, call.Status);
        Assert.True(call.Duration > TimeSpan.Zero);

        Assert.Equal(2, telemetry.MeasurementsIn(step.TraceId, "chatopsbot.aws.throttles").Sum(m => m.Value));
        Assert.Equal(2, Assert.Single(telemetry.MeasurementsIn(step.TraceId, "chatopsbot.aws.retries")).Value);
        var ok = Assert.Single(telemetry.MeasurementsIn(step.TraceId, "chatopsbot.aws.calls"));
        Assert.Equal(("elasticloadbalancing", "DescribeTargetHealth", "ok"), ((string)ok.Tags["service"]!, (string)ok.Tags["action"]!, (string)ok.Tags["outcome"]!));
    }
}
