using System.Diagnostics;
using Amazon.EC2.Model;
using ChatOpsBot.Simulator.Scenarios;

namespace ChatOpsBot.Simulator.Tests.Hosting;

public sealed class FaultAndLatencyTests
{
    private static readonly (string, string)[] DescribeLbs = [("Action", "DescribeLoadBalancers")];

    [Fact]
    public async Task FaultWithTimes_FailsFirstCallsThenSucceeds()
    {
        var scenario = ScenarioCatalog.Load("healthy-baseline") with
        {
            Faults = [new ScenarioFault { Service = "elasticloadbalancing", Action = "DescribeLoadBalancers", Error = "Throttling", Times = 2 }],
        };
        await using var sim = await SimulatorHarness.StartAsync(scenario);

        var first = await sim.ElbAsync(DescribeLbs);
        var second = await sim.ElbAsync(DescribeLbs);
        var third = await sim.ElbAsync(DescribeLbs);

        Assert.Equal(400, first.Status);
        Assert.Equal("Throttling", first.Root.Text("Code"));
        Assert.Equal("Rate exceeded", first.Root.Text("Message"));
        Assert.Equal(400, second.Status);
        Assert.Equal(200, third.Status);
        Assert.Equal([400, 400, 200], sim.Aws.Requests.Select(r => r.StatusCode));
        Assert.Equal(["Throttling", "Throttling", null], sim.Aws.Requests.Select(r => r.ErrorCode));
    }

    [Fact]
    public async Task Ec2RequestLimitExceededOnce_SdkRetriesAndSucceeds()
    {
        await using var sim = await SimulatorHarness.StartAsync("healthy-baseline");
        sim.Aws.InjectFault(new ScenarioFault { Service = "ec2", Action = "DescribeVpcs", Error = "RequestLimitExceeded", Times = 1 });

        var response = await sim.Ec2Client(maxErrorRetry: 3).DescribeVpcsAsync(new DescribeVpcsRequest());

        Assert.Single(response.Vpcs);
        Assert.Equal([503, 200], sim.Aws.Requests.Where(r => r.Action == "DescribeVpcs").Select(r => r.StatusCode));
    }

    [Fact]
    public async Task AccessDeniedFault_UsesTheProtocolsErrorFormat()
    {
        await using var sim = await SimulatorHarness.StartAsync("healthy-baseline");
        sim.Aws.InjectFault(new ScenarioFault { Service = "ec2", Action = "*", Error = "UnauthorizedOperation" });

        var ex = await Assert.ThrowsAsync<Amazon.EC2.AmazonEC2Exception>(() => sim.Ec2Client().DescribeSecurityGroupsAsync(new DescribeSecurityGroupsRequest()));
        sim.Aws.ClearFaults();
        var after = await sim.Ec2Client().DescribeSecurityGroupsAsync(new DescribeSecurityGroupsRequest());

        Assert.Equal("UnauthorizedOperation", ex.ErrorCode);
        Assert.Equal(System.Net.HttpStatusCode.Forbidden, ex.StatusCode);
        Assert.Contains("ec2:DescribeSecurityGroups", ex.Message, StringComparison.Ordinal);
        Assert.NotEmpty(after.SecurityGroups);
    }

    [Fact]
    public async Task Latency_ChangedAtRunTime_DelaysEveryCall()
    {
        var options = new SimulatorOptions();
        await using var aws = await SimulatedAws.StartAsync(ScenarioCatalog.Load("healthy-baseline"), options);
        using var client = new HttpClient(new Amazon.Runtime.Signing.SigV4SigningHandler(
            new Amazon.Runtime.BasicAWSCredentials(aws.AccessKeyId, aws.SecretAccessKey), Amazon.RegionEndpoint.USEast1, "elasticloadbalancing", new HttpClientHandler()))
        { BaseAddress = aws.BaseUrl };

        async Task<TimeSpan> TimeCallAsync()
        {
            using var content = new FormUrlEncodedContent([new("Action", "DescribeLoadBalancers"), new("Version", "2015-12-01")]);
            var watch = Stopwatch.StartNew();
            using var response = await client.PostAsync("/", content);
            response.EnsureSuccessStatusCode();
            return watch.Elapsed;
        }

        await TimeCallAsync();
        options.Latency = TimeSpan.FromMilliseconds(300);
        var slow = await TimeCallAsync();

        Assert.True(slow >= TimeSpan.FromMilliseconds(290), $"took {slow}");
    }
}
