using System.Xml.Linq;
using Amazon;
using Amazon.EC2;
using Amazon.Runtime;
using Amazon.Runtime.Signing;
using Amazon.SimpleSystemsManagement;
using ChatOpsBot.Simulator.Scenarios;
using Microsoft.Extensions.Time.Testing;

namespace ChatOpsBot.Simulator.Tests;

/// <summary>A started simulator plus clients signed the way production signs: SigV4 through the AWS SDK.</summary>
internal sealed class SimulatorHarness : IAsyncDisposable
{
    public static readonly DateTimeOffset Now = new(2026, 11, 28, 10, 30, 15, TimeSpan.Zero);

    private readonly List<IDisposable> _owned = [];

    private SimulatorHarness(SimulatedAws aws, FakeTimeProvider time)
    {
        Aws = aws;
        Time = time;
    }

    public SimulatedAws Aws { get; }

    public FakeTimeProvider Time { get; }

    public static async Task<SimulatorHarness> StartAsync(string scenarioName) =>
        await StartAsync(ScenarioCatalog.Load(scenarioName));

    public static async Task<SimulatorHarness> StartAsync(Scenario scenario)
    {
        var time = new FakeTimeProvider(Now);
        var aws = await SimulatedAws.StartAsync(scenario, new SimulatorOptions { TimeProvider = time });
        return new SimulatorHarness(aws, time);
    }

    public BasicAWSCredentials Credentials => new(Aws.AccessKeyId, Aws.SecretAccessKey);

    /// <summary>An HttpClient whose requests are SigV4-signed for <paramref name="service"/> by AWSSDK.Core.</summary>
    public HttpClient SignedClient(string service, AWSCredentials? credentials = null, string? region = null)
    {
        var handler = new SigV4SigningHandler(credentials ?? Credentials, RegionEndpoint.GetBySystemName(region ?? Aws.Region), service, new HttpClientHandler());
        var client = new HttpClient(handler) { BaseAddress = Aws.BaseUrl };
        _owned.Add(client);
        return client;
    }

    public async Task<(int Status, XElement Root)> PostQueryAsync(string service, IEnumerable<KeyValuePair<string, string>> form, HttpClient? client = null)
    {
        client ??= SignedClient(service);
        using var content = new FormUrlEncodedContent(form);
        using var response = await client.PostAsync("/", content);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.Headers.Contains("x-amzn-RequestId"), "every response carries x-amzn-RequestId");
        return ((int)response.StatusCode, XElement.Parse(body));
    }

    public Task<(int Status, XElement Root)> ElbAsync(params (string Key, string Value)[] form) =>
        PostQueryAsync("elasticloadbalancing", [new("Version", "2015-12-01"), .. form.Select(f => new KeyValuePair<string, string>(f.Key, f.Value))]);

    public Task<(int Status, XElement Root)> CloudWatchAsync(params (string Key, string Value)[] form) =>
        PostQueryAsync("monitoring", [new("Version", "2010-08-01"), .. form.Select(f => new KeyValuePair<string, string>(f.Key, f.Value))]);

    public AmazonEC2Client Ec2Client(AWSCredentials? credentials = null, int maxErrorRetry = 2)
    {
        var client = new AmazonEC2Client(credentials ?? Credentials, new AmazonEC2Config
        {
            ServiceURL = Aws.BaseUrl.ToString(),
            AuthenticationRegion = Aws.Region,
            MaxErrorRetry = maxErrorRetry,
        });
        _owned.Add(client);
        return client;
    }

    public AmazonSimpleSystemsManagementClient SsmClient()
    {
        var client = new AmazonSimpleSystemsManagementClient(Credentials, new AmazonSimpleSystemsManagementConfig
        {
            ServiceURL = Aws.BaseUrl.ToString(),
            AuthenticationRegion = Aws.Region,
        });
        _owned.Add(client);
        return client;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var owned in _owned)
        {
            owned.Dispose();
        }

        await Aws.DisposeAsync();
    }
}
