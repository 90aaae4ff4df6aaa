using ChatOpsBot.EndToEnd.Tests.Support;
using ChatOpsBot.Simulator;
using ChatOpsBot.Simulator.Scenarios;

namespace ChatOpsBot.EndToEnd.Tests.Cli;

/// <summary>
/// The production path configured only the way a user configures any AWS tool: endpoint and credentials from
/// environment variables, no --simulate. The simulator is just another endpoint.
/// </summary>
public sealed class EnvironmentConfiguredCliTests
{
    [Fact]
    public async Task Diagnose_EndpointAndKeysFromEnvironment_ReachesTheEndpointAndNeverPrintsTheSecret()
    {
        await using var aws = await SimulatedAws.StartAsync(ScenarioCatalog.Load("sg-blocks-health-check"));
        var env = new Dictionary<string, string>
        {
            ["AWS_ENDPOINT_URL"] = aws.BaseUrl.ToString(),
            ["AWS_ACCESS_KEY_ID"] = aws.AccessKeyId,
            ["AWS_SECRET_ACCESS_KEY"] = aws.SecretAccessKey,
            ["AWS_REGION"] = aws.Region,
        };

        var run = await ChildProcess.RunAsync(env, "diagnose", "503", "demo-alb", "--output", "json", "--dns-server", aws.DnsEndpoint.ToString());

        Assert.True(run.ExitCode == 0, run.Stderr);
        Assert.Equal("network-blocked", run.Json.GetProperty("rootCause").GetString());
        Assert.Contains(aws.Requests, r => r.Service == "elasticloadbalancing" && r.Action == "DescribeLoadBalancers");
        Assert.Contains(aws.Requests, r => r.Service == "monitoring" && r.Action == "GetMetricData");
        Assert.Contains(aws.Requests, r => r.Service == "ec2" && r.Action == "DescribeSecurityGroups");
        Assert.Equal(aws.Requests.Count, run.Json.GetProperty("awsCalls").GetInt32());
        Assert.DoesNotContain(aws.SecretAccessKey, run.Stdout + run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Diagnose_NoCredentialsAnywhere_ExitsThreeAndSaysHowToConfigure()
    {
        await using var aws = await SimulatedAws.StartAsync(ScenarioCatalog.Load("healthy-baseline"));
        var env = new Dictionary<string, string>
        {
            ["AWS_ENDPOINT_URL"] = aws.BaseUrl.ToString(),
            ["AWS_REGION"] = aws.Region,
        };

        var run = await ChildProcess.RunAsync(env, "diagnose", "503", "demo-alb");

        Assert.True(run.ExitCode == 3, $"exit {run.ExitCode}\n{run.Stdout}\n{run.Stderr}");
        Assert.Contains("aws configure", run.Stdout + run.Stderr, StringComparison.Ordinal);
        Assert.Empty(aws.Requests);
    }

    [Fact]
    public async Task Diagnose_WrongSecret_ExitsThreeWithoutEchoingIt()
    {
        await using var aws = await SimulatedAws.StartAsync(ScenarioCatalog.Load("healthy-baseline"));
        const string secret = "wrong/secret/EXAMPLE/0123456789abcdefghijkl";
        var env = new Dictionary<string, string>
        {
            ["AWS_ENDPOINT_URL"] = aws.BaseUrl.ToString(),
            ["AWS_ACCESS_KEY_ID"] = "ASIAWRONGKEYEXAMPLE0",
            ["AWS_SECRET_ACCESS_KEY"] = secret,
            ["AWS_REGION"] = aws.Region,
        };

        var run = await ChildProcess.RunAsync(env, "diagnose", "503", "demo-alb");

        Assert.True(run.ExitCode == 3, $"exit {run.ExitCode}\n{run.Stdout}\n{run.Stderr}");
        Assert.DoesNotContain(secret, run.Stdout + run.Stderr, StringComparison.Ordinal);
    }
}
