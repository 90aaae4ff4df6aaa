using System.Net;
using Amazon;
using Amazon.Runtime;
using Amazon.Runtime.Signing;
using ChatOpsBot.Aws.Configuration;
using ChatOpsBot.Aws.Tests.Infrastructure;
using ChatOpsBot.Runbooks.Engine;
using ChatOpsBot.Runbooks.Evidence;

namespace ChatOpsBot.Aws.Tests.Sts;

public sealed class AssumeRoleTests
{
    private const string VpcId = "vpc-0a9f3c2e71d4b5e86";

    [Fact]
    public async Task For_Account_AssumesTheRoleOnceAndSignsEveryServiceWithTheTemporaryKey()
    {
        await using var sim = await SimulatedAccounts.StartAsync();
        using var provider = new AwsEvidenceProvider(sim.Settings(), sim.Time, environment: _ => null);

        var sources = provider.For(sim.Aws.Region, "prod");
        var names = await sources.LoadBalancing.ListLoadBalancerNamesAsync(CancellationToken.None);
        await sources.Network.GetSubnetsAsync(VpcId, CancellationToken.None);

        Assert.Contains("demo-alb", names);
        var assume = Assert.Single(sim.Calls("sts", "AssumeRole"));
        Assert.Equal(sim.Aws.AccessKeyId, assume.AccessKeyId);
        var session = Assert.Single(sim.Aws.IssuedSessions);
        Assert.Equal(SimulatedAccounts.ProdRole, session.RoleArn);
        Assert.Equal("chatopsbot-test-replica-0", session.RoleSessionName);
        Assert.Equal(SimulatedAccounts.ProdExternalId, session.ExternalId);
        Assert.StartsWith("ASIA", session.AccessKeyId, StringComparison.Ordinal);
        var diagnosisCalls = sim.Aws.Requests.Where(r => r.Service != "sts").ToList();
        Assert.Contains(diagnosisCalls, r => r.Service == "elasticloadbalancing");
        Assert.Contains(diagnosisCalls, r => r.Service == "ec2");
        Assert.All(diagnosisCalls, r =>
        {
            Assert.Equal(200, r.StatusCode);
            Assert.Equal(session.AccessKeyId, r.AccessKeyId);
        });
    }

    [Fact]
    public async Task For_NoAccount_SignsWithTheBaseKeyAndNeverCallsSts()
    {
        await using var sim = await SimulatedAccounts.StartAsync();
        using var provider = new AwsEvidenceProvider(sim.Settings(), sim.Time, environment: _ => null);

        await provider.For(sim.Aws.Region).LoadBalancing.ListLoadBalancerNamesAsync(CancellationToken.None);

        Assert.Empty(sim.Calls("sts"));
        Assert.Equal(sim.Aws.AccessKeyId, Assert.Single(sim.Aws.Requests).AccessKeyId);
    }

    [Fact]
    public async Task For_TimeMovesPastRefreshPoint_AssumesAgainAndLaterCallsUseTheNewKey()
    {
        await using var sim = await SimulatedAccounts.StartAsync();
        using var provider = new AwsEvidenceProvider(sim.Settings(prodDuration: 900), sim.Time, environment: _ => null);
        var sources = provider.For(sim.Aws.Region, "prod");

        await sources.LoadBalancing.ListLoadBalancerNamesAsync(CancellationToken.None);
        sim.Time.Advance(TimeSpan.FromMinutes(9));
        await sources.LoadBalancing.ListLoadBalancerNamesAsync(CancellationToken.None);
        Assert.Single(sim.Calls("sts", "AssumeRole"));

        // 900 s sessions are renewed five minutes before they end: at 10 minutes the bot must fetch new ones.
        sim.Time.Advance(TimeSpan.FromMinutes(1));
        await sources.LoadBalancing.ListLoadBalancerNamesAsync(CancellationToken.None);
        await sources.Network.GetSubnetsAsync(VpcId, CancellationToken.None);

        Assert.Equal(2, sim.Calls("sts", "AssumeRole").Count);
        var sessions = sim.Aws.IssuedSessions;
        Assert.Equal(2, sessions.Count);
        Assert.NotEqual(sessions[0].AccessKeyId, sessions[1].AccessKeyId);
        var elb = sim.Calls("elasticloadbalancing");
        Assert.Equal([sessions[0].AccessKeyId, sessions[0].AccessKeyId, sessions[1].AccessKeyId], elb.Select(r => r.AccessKeyId));
        Assert.Equal(sessions[1].AccessKeyId, Assert.Single(sim.Calls("ec2")).AccessKeyId);
    }

    [Fact]
    public async Task Simulator_CallSignedWithExpiredTemporaryKey_AnswersExpiredToken()
    {
        await using var sim = await SimulatedAccounts.StartAsync();
        using var provider = new AwsEvidenceProvider(sim.Settings(prodDuration: 900), sim.Time, environment: _ => null);
        await provider.For(sim.Aws.Region, "prod").LoadBalancing.ListLoadBalancerNamesAsync(CancellationToken.None);
        var session = Assert.Single(sim.Aws.IssuedSessions);
        var stale = new SessionAWSCredentials(session.AccessKeyId, session.SecretAccessKey, session.SessionToken);

        sim.Time.Advance(TimeSpan.FromMinutes(15));
        var expired = await DescribeLoadBalancersAsync(sim, stale);
        var withoutToken = await DescribeLoadBalancersAsync(sim, new BasicAWSCredentials(session.AccessKeyId, session.SecretAccessKey));

        Assert.Equal(HttpStatusCode.Forbidden, expired.Status);
        Assert.Contains("<Code>ExpiredToken</Code>", expired.Body, StringComparison.Ordinal);
        Assert.Contains("<Code>InvalidClientTokenId</Code>", withoutToken.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task For_ManyConcurrentCalls_ShareOneAssumeRole()
    {
        // Real clocks here: STS answers after 300 ms, long enough for every caller to arrive while it is in flight.
        await using var sim = await SimulatedAccounts.StartAsync(TimeProvider.System);
        sim.Aws.InjectFault(new Simulator.Scenarios.ScenarioFault { Service = "sts", Action = "AssumeRole", LatencyMs = 300, Times = 1 });
        using var provider = new AwsEvidenceProvider(sim.Settings(), sim.Clock, environment: _ => null);
        var sources = provider.For(sim.Aws.Region, "prod");
        var otherRegionSameAccount = provider.For("us-west-2", "prod");

        var calls = Enumerable.Range(0, 24).Select(_ => sources.LoadBalancing.ListLoadBalancerNamesAsync(CancellationToken.None)).ToList();
        await Task.WhenAll(calls);
        var otherRegion = await Assert.ThrowsAsync<EvidenceException>(() => otherRegionSameAccount.LoadBalancing.ListLoadBalancerNamesAsync(CancellationToken.None));

        Assert.Single(sim.Calls("sts", "AssumeRole"));
        Assert.Equal(24, sim.Calls("elasticloadbalancing").Count(r => r.StatusCode == 200));

        // The us-west-2 call reused the account's cached credentials (no second AssumeRole); the simulator, which
        // serves one region, refused it only for its region.
        Assert.Contains("SignatureDoesNotMatch", otherRegion.Message, StringComparison.Ordinal);
        Assert.Equal(sim.Aws.IssuedSessions[0].AccessKeyId, sim.Calls("elasticloadbalancing")[^1].AccessKeyId);
        Assert.Single(sim.Calls("sts", "AssumeRole"));
    }

    [Fact]
    public async Task For_WrongExternalId_FailsNamingTrustPolicyExternalIdAndPermission()
    {
        await using var sim = await SimulatedAccounts.StartAsync();
        using var provider = new AwsEvidenceProvider(sim.Settings(externalId: "not-the-right-one"), sim.Time, environment: _ => null);

        var ex = await Assert.ThrowsAsync<EvidenceException>(() => provider.For(sim.Aws.Region, "prod").LoadBalancing.ListLoadBalancerNamesAsync(CancellationToken.None));

        Assert.Equal(EvidenceFailureKind.NoCredentials, ex.Kind);
        Assert.Contains("could not assume arn:aws:iam::210987654321:role/chatopsbot-read for account 'prod' (AccessDenied)", ex.Message, StringComparison.Ordinal);
        Assert.Contains("trust policy", ex.Message, StringComparison.Ordinal);
        Assert.Contains("Aws:Accounts:prod:ExternalId", ex.Message, StringComparison.Ordinal);
        Assert.Contains("sts:AssumeRole", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("not-the-right-one", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("aws configure", ex.Message, StringComparison.Ordinal);
        Assert.Empty(sim.Calls("elasticloadbalancing"));
    }

    [Fact]
    public async Task For_MissingExternalIdTheRoleRequires_IsDeniedAndSaysNoneIsConfigured()
    {
        await using var sim = await SimulatedAccounts.StartAsync();
        using var provider = new AwsEvidenceProvider(sim.Settings(externalId: null), sim.Time, environment: _ => null);

        var ex = await Assert.ThrowsAsync<EvidenceException>(() => provider.For(sim.Aws.Region, "prod").Network.GetSubnetsAsync(VpcId, CancellationToken.None));

        Assert.Equal("ec2:DescribeSubnets", ex.IamAction);
        Assert.Contains("(AccessDenied)", ex.Message, StringComparison.Ordinal);
        Assert.Contains("none is configured", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task For_DurationAboveTheRolesMaximum_NamesTheSettingToFix()
    {
        await using var sim = await SimulatedAccounts.StartAsync();
        using var provider = new AwsEvidenceProvider(sim.Settings(prodDuration: 7200), sim.Time, environment: _ => null);

        var ex = await Assert.ThrowsAsync<EvidenceException>(() => provider.For(sim.Aws.Region, "prod").LoadBalancing.ListLoadBalancerNamesAsync(CancellationToken.None));

        Assert.Contains("fix Aws:Accounts:prod", ex.Message, StringComparison.Ordinal);
        Assert.Contains("MaxSessionDuration", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task For_StsThrottlesOnce_RetriesAndSucceeds()
    {
        await using var sim = await SimulatedAccounts.StartAsync();
        sim.Aws.InjectFault(new Simulator.Scenarios.ScenarioFault { Service = "sts", Action = "AssumeRole", Error = "Throttling", Times = 1 });
        using var provider = new AwsEvidenceProvider(sim.Settings(), sim.Time, environment: _ => null);

        await provider.For(sim.Aws.Region, "prod").LoadBalancing.ListLoadBalancerNamesAsync(CancellationToken.None);

        Assert.Equal(["Throttling", null], sim.Calls("sts", "AssumeRole").Select(r => r.ErrorCode));
        Assert.Single(sim.Aws.IssuedSessions);
    }

    [Fact]
    public async Task For_StsKeepsThrottling_SaysThrottledAfterRetries()
    {
        await using var sim = await SimulatedAccounts.StartAsync();
        sim.Aws.InjectFault(new Simulator.Scenarios.ScenarioFault { Service = "sts", Action = "AssumeRole", Error = "Throttling" });
        var settings = sim.Settings();
        using var provider = new AwsEvidenceProvider(settings, sim.Time, environment: _ => null);

        var ex = await Assert.ThrowsAsync<EvidenceException>(() => provider.For(sim.Aws.Region, "prod").LoadBalancing.ListLoadBalancerNamesAsync(CancellationToken.None));

        Assert.Contains("STS throttled AssumeRole for account 'prod'", ex.Message, StringComparison.Ordinal);
        Assert.Equal(settings.MaxAttempts, sim.Calls("sts", "AssumeRole").Count);

        // Throttling is STS's load, not a role the bot may not assume: reported as throttled, with AWS's code.
        Assert.Equal(EvidenceFailureKind.Throttled, ex.Kind);
        Assert.Equal("Throttling", ex.ErrorCode);
        Assert.DoesNotContain("aws configure", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task For_StsUnreachable_SaysUnavailableNamingTheStsEndpoint()
    {
        await using var sim = await SimulatedAccounts.StartAsync();
        Uri closed;
        await using (var stopped = await FakeAwsServer.StartAsync(_ => CannedResponse.Xml("<ok/>")))
        {
            closed = stopped.Uri;
        }

        var settings = sim.Settings();
        var endpoints = settings.Endpoints.ToDictionary();
        endpoints[AwsService.Sts] = closed;
        using var provider = new AwsEvidenceProvider(
            new AwsConnectionSettings { Region = settings.Region, Credentials = settings.Credentials, Endpoints = endpoints, Accounts = settings.Accounts, MaxAttempts = 1 },
            sim.Time,
            environment: _ => null);

        var ex = await Assert.ThrowsAsync<EvidenceException>(() => provider.For(sim.Aws.Region, "prod").LoadBalancing.ListLoadBalancerNamesAsync(CancellationToken.None));

        Assert.Equal(EvidenceFailureKind.Unavailable, ex.Kind);
        Assert.NotEqual(EvidenceException.RoleNotAssumedCode, ex.ErrorCode);
        Assert.Contains($"Could not reach STS at {closed.GetLeftPart(UriPartial.Authority)} to assume the role of account 'prod'", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("aws configure", ex.Message, StringComparison.Ordinal);
        Assert.Empty(sim.Calls("elasticloadbalancing"));
    }

    [Fact]
    public async Task For_StsRejectsTheBotsOwnKey_SaysNoCredentialsWithTheGenericAdvice()
    {
        await using var sim = await SimulatedAccounts.StartAsync();
        using var provider = new AwsEvidenceProvider(
            sim.Settings(credentials: new BasicAWSCredentials("AKIAIOSFODNN7EXAMPLE", sim.Aws.SecretAccessKey)), sim.Time, environment: _ => null);

        var ex = await Assert.ThrowsAsync<EvidenceException>(() => provider.For(sim.Aws.Region, "prod").LoadBalancing.ListLoadBalancerNamesAsync(CancellationToken.None));

        Assert.Equal(EvidenceFailureKind.NoCredentials, ex.Kind);
        Assert.NotEqual(EvidenceException.RoleNotAssumedCode, ex.ErrorCode);
        Assert.Contains("STS rejected the bot's own credentials", ex.Message, StringComparison.Ordinal);
        Assert.Contains("aws configure", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task For_Account_LogsTheAssumptionAndTheRefusal_WithoutKeysOrTokens()
    {
        await using var sim = await SimulatedAccounts.StartAsync();
        var log = new CapturedLog();
        using var factory = log.Factory();
        using var provider = new AwsEvidenceProvider(sim.Settings(), sim.Time, factory, environment: _ => null);
        using var refused = new AwsEvidenceProvider(sim.Settings(externalId: "wrong-external-id"), sim.Time, factory, environment: _ => null);

        await provider.For(sim.Aws.Region, "prod").LoadBalancing.ListLoadBalancerNamesAsync(CancellationToken.None);
        await Assert.ThrowsAsync<EvidenceException>(() => refused.For(sim.Aws.Region, "prod").LoadBalancing.ListLoadBalancerNamesAsync(CancellationToken.None));

        var session = Assert.Single(sim.Aws.IssuedSessions);
        var assumed = Assert.Single(log.Lines, l => l.Id.Id == 4110).Text;
        Assert.Equal($"Assumed {SimulatedAccounts.ProdRole} for account prod as session chatopsbot-test-replica-0; the credentials expire at 2026-11-28T11:00:00.0000000+00:00", assumed);
        Assert.Equal($"Could not assume {SimulatedAccounts.ProdRole} for account prod: AccessDenied", Assert.Single(log.Lines, l => l.Id.Id == 4111).Text);
        var everything = string.Join("\n", log.Lines.Select(l => l.Text));
        Assert.DoesNotContain(session.AccessKeyId, everything, StringComparison.Ordinal);
        Assert.DoesNotContain(session.SecretAccessKey, everything, StringComparison.Ordinal);
        Assert.DoesNotContain(session.SessionToken, everything, StringComparison.Ordinal);
        Assert.DoesNotContain("wrong-external-id", everything, StringComparison.Ordinal);
        Assert.DoesNotContain(sim.Aws.SecretAccessKey, everything, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ResolveAccount_UnknownAlias_ListsTheConfiguredOnes()
    {
        await using var sim = await SimulatedAccounts.StartAsync();
        using var provider = new AwsEvidenceProvider(sim.Settings(), sim.Time, environment: _ => null);
        IEvidenceSourcesProvider evidence = provider;

        var ex = Assert.Throws<UnknownAccountException>(() => evidence.ResolveAccount("qa"));
        Assert.Throws<UnknownAccountException>(() => provider.For(sim.Aws.Region, "qa"));

        Assert.Equal("No AWS account alias 'qa' is configured; configured aliases: prod, staging.", ex.Message);
        Assert.Equal("prod", evidence.ResolveAccount("PROD"));
        Assert.Null(evidence.ResolveAccount(null));
        Assert.Equal(["prod", "staging"], evidence.Accounts);
    }

    private static async Task<(HttpStatusCode Status, string Body)> DescribeLoadBalancersAsync(SimulatedAccounts sim, AWSCredentials credentials)
    {
        using var client = new HttpClient(new SigV4SigningHandler(credentials, RegionEndpoint.GetBySystemName(sim.Aws.Region), "elasticloadbalancing", new HttpClientHandler()));
        using var content = new FormUrlEncodedContent([new("Action", "DescribeLoadBalancers"), new("Version", "2015-12-01")]);
        using var response = await client.PostAsync(sim.Aws.BaseUrl, content);
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }
}
