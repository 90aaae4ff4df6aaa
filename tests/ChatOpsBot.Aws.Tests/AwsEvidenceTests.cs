using Amazon.Runtime;
using ChatOpsBot.Aws.Configuration;
using ChatOpsBot.Aws.Tests.Infrastructure;
using ChatOpsBot.Runbooks.Evidence;
using ChatOpsBot.Runbooks.Evidence.Dns;
using ChatOpsBot.Runbooks.Evidence.Instances;
using ChatOpsBot.Runbooks.Evidence.LoadBalancing;
using ChatOpsBot.Runbooks.Evidence.Metrics;
using ChatOpsBot.Runbooks.Evidence.Network;
using Microsoft.Extensions.DependencyInjection;

namespace ChatOpsBot.Aws.Tests;

public sealed class AwsEvidenceTests
{
    [Fact]
    public async Task Create_EndpointsFromEnvironment_EachServiceCallsItsOwnEndpoint()
    {
        await using var elb = await FakeAwsServer.StartAsync(_ => CannedResponse.Xml(Fixtures.Read("elbv2/DescribeLoadBalancers.xml")));
        await using var cloudWatch = await FakeAwsServer.StartAsync(_ => CannedResponse.Xml(Fixtures.Read("cloudwatch/GetMetricData.xml")));
        await using var global = await FakeAwsServer.StartAsync(request => request.Action == "DescribeInstanceInformation"
            ? CannedResponse.Json("""{"InstanceInformationList":[]}""")
            : CannedResponse.Xml("<DescribeSubnetsResponse xmlns=\"http://ec2.amazonaws.com/doc/2016-11-15/\"><subnetSet/></DescribeSubnetsResponse>"));
        var environment = new Dictionary<string, string>
        {
            ["AWS_ENDPOINT_URL_ELASTIC_LOAD_BALANCING_V2"] = elb.Uri.ToString(),
            ["AWS_ENDPOINT_URL_CLOUDWATCH"] = cloudWatch.Uri.ToString(),
            ["AWS_ENDPOINT_URL"] = global.Uri.ToString(),
            ["AWS_REGION"] = "eu-central-1",
        };
        using var aws = AwsEvidence.Create(new AwsConnectionSettings { Credentials = TestAws.Credentials }, TimeProvider.System, environment: environment.GetValueOrDefault);

        await aws.LoadBalancing.FindLoadBalancerAsync("my-load-balancer", CancellationToken.None);
        await aws.Metrics.GetMetricDataAsync(
            [new MetricQuery("m", "AWS/ApplicationELB", "RequestCount", [], "Sum", 60)],
            new DateTimeOffset(2024, 5, 1, 10, 0, 0, TimeSpan.Zero),
            new DateTimeOffset(2024, 5, 1, 11, 0, 0, TimeSpan.Zero),
            CancellationToken.None);
        await aws.Network.GetSubnetsAsync("vpc-1", CancellationToken.None);
        await aws.InstanceManagement.GetManagedInstancesAsync(["i-1"], CancellationToken.None);

        Assert.Equal("eu-central-1", aws.Region);
        Assert.Contains("/eu-central-1/elasticloadbalancing/", Assert.Single(elb.Requests).Header("Authorization"), StringComparison.Ordinal);
        Assert.Contains("/eu-central-1/monitoring/", Assert.Single(cloudWatch.Requests).Header("Authorization"), StringComparison.Ordinal);
        Assert.Equal(["DescribeSubnets", "DescribeInstanceInformation"], global.Requests.Select(r => r.Action));
        Assert.Contains("/eu-central-1/ec2/", global.Requests[0].Header("Authorization"), StringComparison.Ordinal);
        Assert.Contains("/eu-central-1/ssm/", global.Requests[1].Header("Authorization"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Create_MissingProfile_FirstCallFailsWithNoCredentialsNamingTheAction()
    {
        await using var server = await FakeAwsServer.StartAsync(_ => CannedResponse.Xml(Fixtures.Read("elbv2/DescribeLoadBalancers.xml")));
        var settings = new AwsConnectionSettings
        {
            Region = "us-west-2",
            Profile = "chatopsbot-test-profile-that-does-not-exist",
            Endpoints = Enum.GetValues<AwsService>().ToDictionary(s => s, _ => server.Uri),
        };
        using var aws = AwsEvidence.Create(settings, TimeProvider.System, environment: _ => null);

        var ex = await Assert.ThrowsAsync<EvidenceException>(() => aws.LoadBalancing.FindLoadBalancerAsync("x", CancellationToken.None));
        var ec2 = await Assert.ThrowsAsync<EvidenceException>(() => aws.Network.GetSubnetsAsync("vpc-1", CancellationToken.None));

        Assert.Equal(EvidenceFailureKind.NoCredentials, ex.Kind);
        Assert.Equal("elasticloadbalancing:DescribeLoadBalancers", ex.IamAction);
        Assert.Contains("aws configure", ex.Message, StringComparison.Ordinal);
        Assert.Contains("AWS_PROFILE", ex.Message, StringComparison.Ordinal);
        Assert.Equal(EvidenceFailureKind.NoCredentials, ec2.Kind);
        Assert.Equal("ec2:DescribeSubnets", ec2.IamAction);
        Assert.Empty(server.Requests);
    }

    [Fact]
    public void Create_NoRegionAnywhere_ThrowsTheDocumentedSentence()
    {
        var settings = new AwsConnectionSettings { Profile = "chatopsbot-test-profile-that-does-not-exist", Credentials = new AnonymousAWSCredentials() };

        var ex = Assert.Throws<ArgumentException>(() => AwsEvidence.Create(settings, TimeProvider.System, environment: _ => null));

        Assert.Equal("no AWS region: pass --region or set AWS_REGION", ex.Message);
    }

    [Fact]
    public void Create_ArnRegion_UsedWhenNoExplicitRegion()
    {
        using var aws = AwsEvidence.Create(new AwsConnectionSettings { Credentials = TestAws.Credentials }, TimeProvider.System, "ap-southeast-2", name => name == "AWS_REGION" ? "eu-west-1" : null);

        Assert.Equal("ap-southeast-2", aws.Region);
    }

    [Theory]
    [InlineData(0, 4)]
    [InlineData(32, 0)]
    [InlineData(32, 11)]
    public void Create_InvalidLimits_ThrowArgumentException(int concurrency, int attempts) =>
        Assert.Throws<ArgumentException>(() => AwsEvidence.Create(
            new AwsConnectionSettings { Region = "us-east-1", MaxConcurrencyPerService = concurrency, MaxAttempts = attempts }, TimeProvider.System));

    [Fact]
    public void AddChatOpsAws_RegistersEveryPortOnce()
    {
        var services = new ServiceCollection();
        var ours = new FakeNameResolver();
        services.AddSingleton<INameResolver>(ours);

        services.AddChatOpsAws(new AwsConnectionSettings { Region = "us-east-1", Credentials = TestAws.Credentials });
        using var provider = services.BuildServiceProvider();

        Assert.IsAssignableFrom<ILoadBalancingEvidence>(provider.GetRequiredService<ILoadBalancingEvidence>());
        Assert.IsAssignableFrom<IMetricsEvidence>(provider.GetRequiredService<IMetricsEvidence>());
        Assert.IsAssignableFrom<INetworkEvidence>(provider.GetRequiredService<INetworkEvidence>());
        Assert.IsAssignableFrom<IInstanceManagementEvidence>(provider.GetRequiredService<IInstanceManagementEvidence>());
        Assert.Same(ours, provider.GetRequiredService<INameResolver>());
        Assert.Equal("us-east-1", provider.GetRequiredService<AwsEvidenceSet>().Region);
        Assert.Single(services, d => d.ServiceType == typeof(ILoadBalancingEvidence));
    }

    [Fact]
    public void AddChatOpsAws_InvalidSettings_FailsAtRegistration() =>
        Assert.Throws<ArgumentException>(() => new ServiceCollection().AddChatOpsAws(new AwsConnectionSettings { MaxAttempts = 0 }));

    private sealed class FakeNameResolver : INameResolver
    {
        public Task<NameResolution> ResolveAsync(string hostName, CancellationToken cancellationToken) =>
            Task.FromResult(new NameResolution(hostName, [], "NXDOMAIN", "fake"));
    }
}
