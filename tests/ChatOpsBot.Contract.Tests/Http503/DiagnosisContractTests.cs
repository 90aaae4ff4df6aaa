using ChatOpsBot.Aws;
using ChatOpsBot.Contract.Tests.Support;
using ChatOpsBot.Runbooks.Engine;
using ChatOpsBot.Runbooks.Evidence;
using ChatOpsBot.Runbooks.Evidence.LoadBalancing;
using ChatOpsBot.Runbooks.Evidence.Metrics;
using ChatOpsBot.Runbooks.Findings;
using ChatOpsBot.Runbooks.Http503;

namespace ChatOpsBot.Contract.Tests.Http503;

/// <summary>The whole 503 diagnosis against moto: every call the runbook makes either parses or is one moto is known not to serve.</summary>
[Collection(MotoCollection.Name)]
public sealed class DiagnosisContractTests(MotoServer moto)
{
    /// <summary>The calls the runbook makes for a healthy ALB with instance and IP targets and a prefix-list rule.
    /// DescribeInstanceInformation is absent: SSM is asked only about unhealthy instances, and moto reports every
    /// running instance healthy.</summary>
    private static readonly string[] ExpectedCalls =
    [
        "cloudwatch:GetMetricData",
        "ec2:DescribeDhcpOptions",
        "ec2:DescribeInstances",
        "ec2:DescribeManagedPrefixLists",
        "ec2:DescribeNetworkAcls",
        "ec2:DescribeNetworkInterfaces",
        "ec2:DescribeSecurityGroups",
        "ec2:DescribeSubnets",
        "ec2:DescribeVpcAttribute",
        "ec2:DescribeVpcs",
        "ec2:GetManagedPrefixListEntries",
        "elasticloadbalancing:DescribeCapacityReservation",
        "elasticloadbalancing:DescribeListeners",
        "elasticloadbalancing:DescribeLoadBalancerAttributes",
        "elasticloadbalancing:DescribeLoadBalancers",
        "elasticloadbalancing:DescribeRules",
        "elasticloadbalancing:DescribeTargetGroupAttributes",
        "elasticloadbalancing:DescribeTargetGroups",
        "elasticloadbalancing:DescribeTargetHealth",
    ];

    [SkippableFact]
    public async Task Diagnose503_SeededAlb_CompletesWithOnlyTheGapsMotoIsKnownNotToServe()
    {
        moto.SkipIfUnavailable();
        using var aws = MotoAws.Create(moto);
        var known = await KnownUnservedAsync(aws);

        // No DNS resolver: the ALB's name is moto's invention, and the tests stay on loopback.
        var sources = new EvidenceSources(aws.LoadBalancing, aws.Metrics, aws.Network, aws.InstanceManagement, Dns: null);
        var runbook = new Http503Runbook(sources, TimeProvider.System);
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));

        var report = await runbook.RunAsync(
            new DiagnosisRequest("503", moto.Estate.LoadBalancerName, "us-east-1", TimeSpan.FromHours(1)), null, timeout.Token);

        Assert.Equal(DiagnosisOutcome.Diagnosed, report.Outcome);
        Assert.Equal(moto.Estate.LoadBalancerArn, report.LoadBalancer.Arn);
        Assert.Equal(known, report.Gaps.Select(g => $"{g.IamAction} {g.Kind}"));
        Assert.Equal(ExpectedCalls, report.AwsCalls.Select(c => $"{c.Service}:{c.Operation}").Distinct().Order(StringComparer.Ordinal));
        var failed = report.AwsCalls.Where(c => c.Outcome != "ok").Select(c => $"{c.Service}:{c.Operation} {c.Outcome}").Distinct();
        Assert.Equal(known.Select(k => k.Replace(" Unavailable", " 500", StringComparison.Ordinal)), failed);
    }

    /// <summary>
    /// The gaps the diagnosis must show, found at run time: the runbook fetches all its metrics in one GetMetricData
    /// call that includes p99 statistics, and moto answers a percentile over existing datapoints with HTTP 500.
    /// Sends exactly the runbook's queries; when they fail, proves the same queries without percentiles succeed.
    /// </summary>
    private async Task<string[]> KnownUnservedAsync(AwsEvidenceSet aws)
    {
        var lb = (await aws.LoadBalancing.FindLoadBalancerAsync(moto.Estate.LoadBalancerArn, CancellationToken.None)).LoadBalancer!;
        IReadOnlyList<TargetGroupDescription> groups = await aws.LoadBalancing.GetTargetGroupsAsync(lb.Arn, CancellationToken.None);
        var queries = Http503Metrics.BuildQueries(lb, groups, 60);
        var now = DateTimeOffset.UtcNow;
        var end = new DateTimeOffset(now.Year, now.Month, now.Day, now.Hour, now.Minute, 0, TimeSpan.Zero);
        var start = end.AddHours(-1);
        var logOffset = moto.Log.Length;
        var failure = await Record.ExceptionAsync(() => aws.Metrics.GetMetricDataAsync(queries, start, end, CancellationToken.None));
        if (failure is null)
        {
            return [];
        }

        Assert.True(
            failure is EvidenceException { Kind: EvidenceFailureKind.Unavailable } && moto.PythonErrorsSince(logOffset).Count > 0,
            $"GetMetricData failed without moto logging an error of its own: {failure}");
        MetricQuery[] withoutPercentiles = [.. queries.Where(q => !q.Stat.StartsWith('p'))];
        await aws.Metrics.GetMetricDataAsync(withoutPercentiles, start, end, CancellationToken.None);
        return ["cloudwatch:GetMetricData Unavailable"];
    }
}
