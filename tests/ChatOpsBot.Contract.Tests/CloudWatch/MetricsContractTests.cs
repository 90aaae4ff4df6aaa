using ChatOpsBot.Aws;
using ChatOpsBot.Contract.Tests.Support;
using ChatOpsBot.Runbooks.Evidence;
using ChatOpsBot.Runbooks.Evidence.Metrics;

namespace ChatOpsBot.Contract.Tests.CloudWatch;

/// <summary>GetMetricData as the bot encodes it, against datapoints the seed put with PutMetricData.</summary>
[Collection(MotoCollection.Name)]
public sealed class MetricsContractTests(MotoServer moto) : IDisposable
{
    private readonly Lazy<AwsEvidenceSet> _aws = new(() => MotoAws.Create(moto));

    private SeededEstate Seed => moto.Estate;

    public void Dispose()
    {
        if (_aws.IsValueCreated)
        {
            _aws.Value.Dispose();
        }
    }

    [SkippableFact]
    public async Task GetMetricData_LoadBalancerAndTargetGroupDimensions_ReturnsThePutValuesOldestFirst()
    {
        moto.SkipIfUnavailable();
        var lb = new MetricDimension("LoadBalancer", Seed.LoadBalancerDimension);
        var tg = new MetricDimension("TargetGroup", Seed.WebTargetGroupDimension);
        MetricQuery[] queries =
        [
            new("elb503", "AWS/ApplicationELB", "HTTPCode_ELB_503_Count", [lb], "Sum", 60),
            new("tg0healthy", "AWS/ApplicationELB", "HealthyHostCount", [tg, lb], "Minimum", 60),
            new("elb502", "AWS/ApplicationELB", "HTTPCode_ELB_502_Count", [lb], "Sum", 60),
        ];
        var (start, end) = Window();

        var series = await _aws.Value.Metrics.GetMetricDataAsync(queries, start, end, CancellationToken.None);

        Assert.Equal(["elb503", "tg0healthy", "elb502"], series.Select(s => s.Id));
        var elb503 = series[0];
        Assert.Equal("Complete", elb503.StatusCode);
        Assert.Equal(Seed.Elb503Points.Select(p => p.Timestamp), elb503.Timestamps);
        Assert.Equal(Seed.Elb503Points.Select(p => p.Value), elb503.Values);
        var healthy = series[1];
        Assert.Equal(Seed.HealthyPoints.Select(p => p.Timestamp), healthy.Timestamps);
        Assert.Equal(Seed.HealthyPoints.Select(p => p.Value), healthy.Values);
        Assert.Empty(series[2].Timestamps);
        Assert.Empty(series[2].Values);
    }

    [SkippableFact]
    public async Task GetMetricData_TargetGroupDimensionAlone_ReturnsNothing()
    {
        moto.SkipIfUnavailable();
        MetricQuery[] queries =
        [
            new("tgonly", "AWS/ApplicationELB", "HealthyHostCount", [new("TargetGroup", Seed.WebTargetGroupDimension)], "Minimum", 60),
        ];
        var (start, end) = Window();

        var series = await _aws.Value.Metrics.GetMetricDataAsync(queries, start, end, CancellationToken.None);

        Assert.Empty(Assert.Single(series).Values);
    }

    [SkippableFact]
    public async Task GetMetricData_PercentileOverSeededDatapoints_ParsesTheSeries()
    {
        moto.SkipIfUnavailable();
        MetricQuery[] queries =
        [
            new("elb503p99", "AWS/ApplicationELB", "HTTPCode_ELB_503_Count", [new("LoadBalancer", Seed.LoadBalancerDimension)], "p99", 60),
        ];
        var (start, end) = Window();
        var logOffset = moto.Log.Length;

        IReadOnlyList<MetricSeries> series;
        try
        {
            series = await _aws.Value.Metrics.GetMetricDataAsync(queries, start, end, CancellationToken.None);
        }
        catch (EvidenceException ex) when (ex.Kind == EvidenceFailureKind.Unavailable && moto.PythonErrorsSince(logOffset) is [var error, ..])
        {
            Skip.If(
                true,
                $"moto {moto.MotoVersion} cannot answer GetMetricData with a percentile statistic (p99) over existing datapoints: the adapter got \"{ex.Message}\" and moto logged \"{error}\".");
            return;
        }

        // One datapoint per minute bucket: p99 of a single value is that value.
        var only = Assert.Single(series);
        Assert.Equal(Seed.Elb503Points.Select(p => p.Timestamp), only.Timestamps);
        Assert.Equal(Seed.Elb503Points.Select(p => p.Value), only.Values);
    }

    private (DateTimeOffset Start, DateTimeOffset End) Window()
    {
        var all = Seed.Elb503Points.Concat(Seed.HealthyPoints).Select(p => p.Timestamp).ToArray();
        return (all.Min().AddMinutes(-10), all.Max().AddMinutes(10));
    }
}
