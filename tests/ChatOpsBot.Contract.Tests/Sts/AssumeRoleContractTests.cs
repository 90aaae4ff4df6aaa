using Amazon.Runtime;
using Amazon.SecurityToken;
using Amazon.SecurityToken.Model;
using ChatOpsBot.Aws.Configuration;
using ChatOpsBot.Aws.Sts;
using ChatOpsBot.Contract.Tests.Support;

namespace ChatOpsBot.Contract.Tests.Sts;

/// <summary>Our AssumeRole client against moto's STS: moto's XML parses into temporary credentials, and moto (which
/// maps each issued key to its role session) sees the later calls signed with that key.</summary>
[Collection(MotoCollection.Name)]
public sealed class AssumeRoleContractTests(MotoServer moto)
{
    private const string RoleArn = "arn:aws:iam::123456789012:role/contract-read";

    [SkippableFact]
    public async Task AssumeRole_MotosAnswer_ParsesAndSignsTheAccountsCalls()
    {
        moto.SkipIfUnavailable();
        var endpoints = Enum.GetValues<AwsService>().ToDictionary(s => s, _ => moto.Endpoint);
        var settings = MotoAws.Settings(moto.Endpoint, endpoints).WithAccounts(
            new Dictionary<string, AwsAccountSettings>(StringComparer.OrdinalIgnoreCase)
            {
                ["contract"] = new() { RoleArn = RoleArn, ExternalId = "contract-external-id", DurationSeconds = 1800 },
            },
            null,
            "chatopsbot-contract");
        using var credentials = new AccountCredentials(settings, "us-east-1", TimeProvider.System, _ => null);
        var before = DateTimeOffset.UtcNow;

        var issued = await credentials.Assumed("contract").CurrentAsync();
        using var sts = new AmazonSecurityTokenServiceClient(credentials.For("contract"), new AmazonSecurityTokenServiceConfig
        {
            ServiceURL = moto.Endpoint.ToString(),
            AuthenticationRegion = "us-east-1",
        });
        var identity = await sts.GetCallerIdentityAsync(new GetCallerIdentityRequest());

        Assert.StartsWith("ASIA", issued.Credentials.AccessKey, StringComparison.Ordinal);
        Assert.False(string.IsNullOrEmpty(issued.Credentials.SecretKey));
        Assert.True(issued.Credentials.UseToken);
        Assert.InRange(issued.Expiration, before.AddSeconds(1800 - 60), before.AddSeconds(1800 + 60));
        Assert.Equal("arn:aws:sts::123456789012:assumed-role/contract-read/chatopsbot-contract", identity.Arn);
    }

    [SkippableFact]
    public async Task AssumeRole_ThroughTheAccountsEvidence_ReachesMotosLoadBalancers()
    {
        moto.SkipIfUnavailable();
        var endpoints = Enum.GetValues<AwsService>().ToDictionary(s => s, _ => moto.Endpoint);
        var settings = MotoAws.Settings(moto.Endpoint, endpoints).WithAccounts(
            new Dictionary<string, AwsAccountSettings>(StringComparer.OrdinalIgnoreCase) { ["contract"] = new() { RoleArn = RoleArn } },
            "contract",
            null);
        using var provider = new Aws.AwsEvidenceProvider(settings, TimeProvider.System, environment: _ => null);

        var lookup = await provider.For("us-east-1", provider.DefaultAccount).LoadBalancing.FindLoadBalancerAsync(moto.Estate.LoadBalancerName, CancellationToken.None);

        Assert.Equal("contract", provider.DefaultAccount);
        Assert.Equal(moto.Estate.LoadBalancerArn, lookup.LoadBalancer?.Arn);
    }
}
