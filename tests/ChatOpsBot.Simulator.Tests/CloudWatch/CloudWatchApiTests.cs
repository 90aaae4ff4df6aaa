using System.Globalization;
using System.Xml.Linq;

namespace ChatOpsBot.Simulator.Tests.CloudWatch;

public sealed class CloudWatchApiTests
{
    private const string Lb = "app/demo-alb/50dc6c495c0c9188";
    private const string Tg = "targetgroup/web/73e2d6bc24d8a067";

    private static (string, string)[] Query(int n, string id, string metric, string stat, params (string Name, string Value)[] dims)
    {
        var p = $"MetricDataQueries.member.{n}.";
        var list = new List<(string, string)>
        {
            (p + "Id", id),
            (p + "MetricStat.Metric.Namespace", "AWS/ApplicationELB"),
            (p + "MetricStat.Metric.MetricName", metric),
            (p + "MetricStat.Period", "60"),
            (p + "MetricStat.Stat", stat),
        };
        list.AddRange(dims.SelectMany((d, i) => new[] { ($"{p}MetricStat.Metric.Dimensions.member.{i + 1}.Name", d.Name), ($"{p}MetricStat.Metric.Dimensions.member.{i + 1}.Value", d.Value) }));
        return [.. list];
    }

    private static (string, string)[] Window(int minutes) =>
    [
        ("Action", "GetMetricData"),
        ("StartTime", SimulatorHarness.Now.AddMinutes(-minutes).ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture)),
        ("EndTime", SimulatorHarness.Now.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture)),
    ];

    private static XElement Result(XElement root, string id) =>
        root.Members("MetricDataResults").Single(m => m.Text("Id") == id);

    private static double[] Values(XElement result) =>
        [.. result.Members("Values").Select(v => double.Parse(v.Value, CultureInfo.InvariantCulture))];

    [Fact]
    public async Task GetMetricData_IncidentSeries_OnePointPerMinuteNewestFirst()
    {
        await using var sim = await SimulatorHarness.StartAsync("sg-blocks-health-check");

        var (status, root) = await sim.CloudWatchAsync([
            .. Window(60),
            .. Query(1, "unhealthy", "UnHealthyHostCount", "Maximum", ("TargetGroup", Tg), ("LoadBalancer", Lb)),
            .. Query(2, "elb503", "HTTPCode_ELB_503_Count", "Sum", ("LoadBalancer", Lb)),
            .. Query(3, "target5xx", "HTTPCode_Target_5XX_Count", "Sum", ("LoadBalancer", Lb))]);

        Assert.Equal(200, status);
        var unhealthy = Result(root, "unhealthy");
        var values = Values(unhealthy);
        var stamps = unhealthy.Members("Timestamps").Select(t => DateTimeOffset.Parse(t.Value, CultureInfo.InvariantCulture)).ToArray();
        Assert.Equal(61, values.Length); // StartTime rounds down to the minute; the current minute is included
        Assert.Equal(Enumerable.Repeat(2.0, 25), values.Take(25));
        Assert.Equal(Enumerable.Repeat(0.0, 36), values.Skip(25));
        Assert.True(stamps.SequenceEqual(stamps.OrderDescending()), "TimestampDescending is the default");
        Assert.True(stamps[0] <= SimulatorHarness.Now && stamps[^1] >= SimulatorHarness.Now.AddMinutes(-61));
        Assert.Equal("Complete", unhealthy.Text("StatusCode"));

        var elb503 = Result(root, "elb503");
        Assert.Empty(Values(elb503));
        Assert.Equal("Complete", elb503.Text("StatusCode"));
        Assert.Equal(22, Values(Result(root, "target5xx")).Length);
    }

    [Fact]
    public async Task GetMetricData_DimensionSetMustMatchExactly()
    {
        await using var sim = await SimulatorHarness.StartAsync("healthy-baseline");

        var (_, root) = await sim.CloudWatchAsync([.. Window(10), .. Query(1, "healthy", "HealthyHostCount", "Minimum", ("TargetGroup", Tg))]);

        Assert.Empty(Values(Result(root, "healthy")));
    }

    [Fact]
    public async Task GetMetricData_PercentileAndPeriodAggregation()
    {
        await using var sim = await SimulatorHarness.StartAsync("healthy-baseline");
        var p99 = Query(1, "p99", "TargetResponseTime", "p99", ("LoadBalancer", Lb));
        var sum5 = Query(2, "requests", "RequestCount", "Sum", ("LoadBalancer", Lb))
            .Select(kv => kv.Item1.EndsWith("Period", StringComparison.Ordinal) ? (kv.Item1, "300") : kv).ToArray();

        var (_, root) = await sim.CloudWatchAsync([.. Window(30), .. p99, .. sum5]);

        Assert.All(Values(Result(root, "p99")), v => Assert.Equal(0.181, v, 3));
        Assert.Contains(6000.0, Values(Result(root, "requests")));
    }

    [Fact]
    public async Task GetMetricData_MaxDatapoints_PagesWithNextToken()
    {
        await using var sim = await SimulatorHarness.StartAsync("healthy-baseline");
        (string, string)[] request = [.. Window(30), .. Query(1, "requests", "RequestCount", "Sum", ("LoadBalancer", Lb)), ("MaxDatapoints", "20")];

        var (_, first) = await sim.CloudWatchAsync(request);
        var token = first.Text("NextToken");
        var (_, second) = await sim.CloudWatchAsync([.. request, ("NextToken", token!)]);

        Assert.Equal(20, Values(Result(first, "requests")).Length);
        Assert.Equal("PartialData", Result(first, "requests").Text("StatusCode"));
        Assert.Equal(11, Values(Result(second, "requests")).Length);
        Assert.Equal("Complete", Result(second, "requests").Text("StatusCode"));
        Assert.Null(second.Text("NextToken"));
    }

    [Fact]
    public async Task GetMetricData_WindowFollowsTheSimulatorClock()
    {
        await using var sim = await SimulatorHarness.StartAsync("healthy-baseline");
        (string, string)[] request =
        [
            ("Action", "GetMetricData"),
            ("StartTime", "2026-11-28T10:00:00Z"),
            ("EndTime", "2026-11-28T11:00:00Z"),
            .. Query(1, "requests", "RequestCount", "Sum", ("LoadBalancer", Lb)),
        ];

        var (_, before) = await sim.CloudWatchAsync(request);
        sim.Time.Advance(TimeSpan.FromMinutes(10));
        var (_, after) = await sim.CloudWatchAsync(request);

        Assert.Equal(31, Values(Result(before, "requests")).Length); // no datapoints in the future
        Assert.Equal(41, Values(Result(after, "requests")).Length);
    }
}
