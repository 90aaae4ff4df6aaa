using ChatOpsBot.Aws.Configuration;
using ChatOpsBot.Runbooks.Evidence;

namespace ChatOpsBot.Aws.Tests.Sts;

public sealed class WebIdentityTests : IDisposable
{
    private readonly string _tokenFile = Path.Combine(Path.GetTempPath(), $"chatopsbot-token-{Guid.NewGuid():N}");

    [Fact]
    public async Task BaseCredentials_WebIdentityTokenFile_AreExchangedAndThenAssumeTheAccountRole()
    {
        await using var sim = await SimulatedAccounts.StartAsync();
        File.WriteAllText(_tokenFile, SimulatedAccounts.Jwt(sim.Time.GetUtcNow().AddHours(1)));
        using var provider = new AwsEvidenceProvider(sim.Settings().WithoutCredentials(), sim.Time, environment: Environment(SimulatedAccounts.WebRole));

        await provider.For(sim.Aws.Region).LoadBalancing.ListLoadBalancerNamesAsync(CancellationToken.None);
        await provider.For(sim.Aws.Region, "staging").LoadBalancing.ListLoadBalancerNamesAsync(CancellationToken.None);

        var web = Assert.Single(sim.Calls("sts", "AssumeRoleWithWebIdentity"));
        Assert.Null(web.AccessKeyId);
        var sessions = sim.Aws.IssuedSessions;
        var irsa = Assert.Single(sessions, s => s.RoleArn == SimulatedAccounts.WebRole);
        var staging = Assert.Single(sessions, s => s.RoleArn == SimulatedAccounts.StagingRole);
        Assert.Equal(irsa.AccessKeyId, Assert.Single(sim.Calls("sts", "AssumeRole")).AccessKeyId);
        Assert.Equal([irsa.AccessKeyId, staging.AccessKeyId], sim.Calls("elasticloadbalancing").Select(r => r.AccessKeyId));
    }

    [Fact]
    public async Task BaseCredentials_ExpiredWebIdentityToken_SaysTheTokenFileExpired()
    {
        await using var sim = await SimulatedAccounts.StartAsync();
        File.WriteAllText(_tokenFile, SimulatedAccounts.Jwt(sim.Time.GetUtcNow().AddMinutes(-1)));
        using var provider = new AwsEvidenceProvider(sim.Settings().WithoutCredentials(), sim.Time, environment: Environment(SimulatedAccounts.WebRole));

        var ex = await Assert.ThrowsAsync<EvidenceException>(() => provider.For(sim.Aws.Region).LoadBalancing.ListLoadBalancerNamesAsync(CancellationToken.None));

        Assert.Equal(EvidenceFailureKind.NoCredentials, ex.Kind);
        Assert.Contains($"The web identity token in AWS_WEB_IDENTITY_TOKEN_FILE ('{_tokenFile}') has expired", ex.Message, StringComparison.Ordinal);
        Assert.Equal("ExpiredTokenException", Assert.Single(sim.Calls("sts")).ErrorCode);
        Assert.Empty(sim.Calls("elasticloadbalancing"));
    }

    [Fact]
    public async Task BaseCredentials_TokenFileRewritten_NextRefreshReadsTheNewToken()
    {
        await using var sim = await SimulatedAccounts.StartAsync();
        File.WriteAllText(_tokenFile, SimulatedAccounts.Jwt(sim.Time.GetUtcNow().AddMinutes(-1)));
        using var provider = new AwsEvidenceProvider(sim.Settings().WithoutCredentials(), sim.Time, environment: Environment(SimulatedAccounts.WebRole));
        var sources = provider.For(sim.Aws.Region);
        await Assert.ThrowsAsync<EvidenceException>(() => sources.LoadBalancing.ListLoadBalancerNamesAsync(CancellationToken.None));

        File.WriteAllText(_tokenFile, SimulatedAccounts.Jwt(sim.Time.GetUtcNow().AddHours(1)));
        await sources.LoadBalancing.ListLoadBalancerNamesAsync(CancellationToken.None);

        Assert.Equal(["ExpiredTokenException", null], sim.Calls("sts").Select(r => r.ErrorCode));
    }

    [Fact]
    public async Task BaseCredentials_RoleDoesNotTrustWebIdentity_SaysTheTrustPolicyMustTrustTheProvider()
    {
        await using var sim = await SimulatedAccounts.StartAsync();
        File.WriteAllText(_tokenFile, SimulatedAccounts.Jwt(sim.Time.GetUtcNow().AddHours(1)));
        using var provider = new AwsEvidenceProvider(sim.Settings().WithoutCredentials(), sim.Time, environment: Environment(SimulatedAccounts.ProdRole));

        var ex = await Assert.ThrowsAsync<EvidenceException>(() => provider.For(sim.Aws.Region).LoadBalancing.ListLoadBalancerNamesAsync(CancellationToken.None));

        Assert.Contains("AWS_ROLE_ARN", ex.Message, StringComparison.Ordinal);
        Assert.Contains("OIDC provider", ex.Message, StringComparison.Ordinal);
    }

    public void Dispose() => File.Delete(_tokenFile);

    private Func<string, string?> Environment(string roleArn) => name => name switch
    {
        "AWS_WEB_IDENTITY_TOKEN_FILE" => _tokenFile,
        "AWS_ROLE_ARN" => roleArn,
        _ => null,
    };
}
