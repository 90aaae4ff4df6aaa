using ChatOpsBot.EndToEnd.Tests.Support;
using ChatOpsBot.Simulator;
using ChatOpsBot.Simulator.Scenarios;

namespace ChatOpsBot.EndToEnd.Tests.Cli;

/// <summary><c>diagnose --account</c> in a child process configured only through environment variables: the base
/// key from AWS_*, the named accounts from Aws__Accounts__*, STS on the same simulated endpoint.</summary>
public sealed class AccountCliTests
{
    private const string ProdRole = "arn:aws:iam::210987654321:role/chatopsbot-read";

    [Fact]
    public async Task Diagnose_WithAccount_AssumesTheRoleSignsWithItAndSaysWhichAccount()
    {
        await using var aws = await SimulatedAws.StartAsync(ScenarioCatalog.Load("sg-blocks-health-check"));

        var run = await ChildProcess.RunAsync(Environment(aws), "diagnose", "503", "demo-alb", "--account", "PROD", "--output", "json", "--dns-server", aws.DnsEndpoint.ToString());

        Assert.True(run.ExitCode == 0, run.Stderr);
        Assert.Equal("network-blocked", run.Json.GetProperty("rootCause").GetString());
        Assert.Equal("prod", run.Json.GetProperty("account").GetString());
        var session = Assert.Single(aws.IssuedSessions);
        Assert.Equal(ProdRole, session.RoleArn);
        Assert.StartsWith("chatopsbot-", session.RoleSessionName, StringComparison.Ordinal);
        Assert.Equal("chatopsbot-demo", session.ExternalId);
        Assert.All(aws.Requests.Where(r => r.Service != "sts"), r => Assert.Equal(session.AccessKeyId, r.AccessKeyId));
        Assert.Contains($"Account 'prod': assuming {ProdRole}", run.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain(session.SecretAccessKey, run.Stdout + run.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain(session.SessionToken, run.Stdout + run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Diagnose_DefaultAccountConfigured_UsesItWithoutTheFlag()
    {
        await using var aws = await SimulatedAws.StartAsync(ScenarioCatalog.Load("sg-blocks-health-check"));
        var env = Environment(aws);
        env["Aws__DefaultAccount"] = "staging";

        var run = await ChildProcess.RunAsync(env, "diagnose", "503", "demo-alb", "--output", "json", "--dns-server", aws.DnsEndpoint.ToString());

        Assert.True(run.ExitCode == 0, run.Stderr);
        Assert.Equal("staging", run.Json.GetProperty("account").GetString());
        Assert.Equal("arn:aws:iam::345678901234:role/chatopsbot-read", Assert.Single(aws.IssuedSessions).RoleArn);
    }

    [Fact]
    public async Task Diagnose_UnknownAccount_ExitsTwoListingTheConfiguredAliases()
    {
        await using var aws = await SimulatedAws.StartAsync(ScenarioCatalog.Load("sg-blocks-health-check"));

        var run = await ChildProcess.RunAsync(Environment(aws), "diagnose", "503", "demo-alb", "--account", "qa");

        Assert.True(run.ExitCode == 2, $"exit {run.ExitCode}\n{run.Stderr}");
        Assert.Contains("No AWS account alias 'qa' is configured; configured aliases: prod, staging.", run.Stderr, StringComparison.Ordinal);
        Assert.Empty(aws.Requests);
    }

    [Fact]
    public async Task Diagnose_RoleRefusesTheExternalId_ExitsThreeNamingTrustPolicyAndSetting()
    {
        await using var aws = await SimulatedAws.StartAsync(ScenarioCatalog.Load("sg-blocks-health-check"));
        var env = Environment(aws);
        env["Aws__Accounts__prod__ExternalId"] = "stale-external-id";

        var run = await ChildProcess.RunAsync(env, "diagnose", "503", "demo-alb", "--account", "prod");

        Assert.True(run.ExitCode == 3, $"exit {run.ExitCode}\n{run.Stdout}\n{run.Stderr}");
        var output = run.Stdout + run.Stderr;
        Assert.Contains($"could not assume {ProdRole} for account 'prod' (AccessDenied)", output, StringComparison.Ordinal);
        Assert.Contains("Aws:Accounts:prod:ExternalId", output, StringComparison.Ordinal);
        Assert.Contains("The role could not be assumed for account 'prod'", output, StringComparison.Ordinal);
        Assert.DoesNotContain("aws configure", output, StringComparison.Ordinal);
        Assert.DoesNotContain("stale-external-id", output, StringComparison.Ordinal);
        Assert.DoesNotContain(aws.Requests, r => r.Service == "elasticloadbalancing");
    }

    [Fact]
    public async Task Diagnose_MalformedRoleArn_ExitsThreeNamingTheSetting()
    {
        await using var aws = await SimulatedAws.StartAsync(ScenarioCatalog.Load("sg-blocks-health-check"));
        var env = Environment(aws);
        env["Aws__Accounts__prod__RoleArn"] = "chatopsbot-read";

        var run = await ChildProcess.RunAsync(env, "diagnose", "503", "demo-alb");

        Assert.True(run.ExitCode == 3, $"exit {run.ExitCode}\n{run.Stderr}");
        Assert.Contains("Aws:Accounts:prod:RoleArn must be an IAM role ARN", run.Stderr, StringComparison.Ordinal);
        Assert.Empty(aws.Requests);
    }

    private static Dictionary<string, string> Environment(SimulatedAws aws) => new()
    {
        ["AWS_ENDPOINT_URL"] = aws.BaseUrl.ToString(),
        ["AWS_ACCESS_KEY_ID"] = aws.AccessKeyId,
        ["AWS_SECRET_ACCESS_KEY"] = aws.SecretAccessKey,
        ["AWS_REGION"] = aws.Region,
        ["Aws__Accounts__prod__RoleArn"] = ProdRole,
        ["Aws__Accounts__prod__ExternalId"] = "chatopsbot-demo",
        ["Aws__Accounts__staging__RoleArn"] = "arn:aws:iam::345678901234:role/chatopsbot-read",
    };
}
