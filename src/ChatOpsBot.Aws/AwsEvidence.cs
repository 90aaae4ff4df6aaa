using Amazon;
using Amazon.EC2;
using Amazon.Runtime;
using Amazon.Runtime.Signing;
using Amazon.SimpleSystemsManagement;
using ChatOpsBot.Aws.CloudWatch;
using ChatOpsBot.Aws.Configuration;
using ChatOpsBot.Aws.Dns;
using ChatOpsBot.Aws.Ec2;
using ChatOpsBot.Aws.Elbv2;
using ChatOpsBot.Aws.Query;
using ChatOpsBot.Aws.Sdk;
using ChatOpsBot.Aws.Ssm;
using ChatOpsBot.Aws.Sts;
using ChatOpsBot.Runbooks.Evidence.Dns;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace ChatOpsBot.Aws;

/// <summary>Builds the AWS evidence ports for one region (the CLI builds one set per diagnosis).</summary>
public static class AwsEvidence
{
    /// <summary>Per-attempt HTTP timeout of the query clients.</summary>
    public static readonly TimeSpan RequestTimeout = TimeSpan.FromSeconds(30);

    /// <summary>Builds the ports. Credentials are resolved on first use, so a missing configuration surfaces as an
    /// <see cref="Runbooks.Evidence.EvidenceException"/> of kind NoCredentials naming the first call.</summary>
    /// <param name="settings">Region, profile, endpoints, credentials, limits, account aliases.</param>
    /// <param name="time">Clock for retry delays, DNS timeouts, call records and credential expiry.</param>
    /// <param name="arnRegion">The region of the ARN the user named, used when no region is set explicitly.</param>
    /// <param name="environment">Reads environment variables (default: the process environment).</param>
    /// <param name="loggerFactory">Optional logging.</param>
    /// <param name="account">An alias under <see cref="AwsConnectionSettings.Accounts"/>: its role is assumed with STS
    /// and its region is the default. Null means the base credentials.</param>
    /// <exception cref="ArgumentException">Invalid settings, or no region could be found.</exception>
    /// <exception cref="Runbooks.Engine.UnknownAccountException">The alias is not configured.</exception>
    public static AwsEvidenceSet Create(
        AwsConnectionSettings settings,
        TimeProvider time,
        string? arnRegion = null,
        Func<string, string?>? environment = null,
        ILoggerFactory? loggerFactory = null,
        string? account = null)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(time);
        settings.Validate();
        environment ??= Environment.GetEnvironmentVariable;
        var region = new AwsRegionResolver(environment).Resolve(settings.Region, arnRegion ?? (account is null ? null : settings.Account(account).Region), settings.Profile);
        var credentials = new AccountCredentials(settings, region, time, environment, loggerFactory?.CreateLogger("ChatOpsBot.Aws"));
        var set = Create(settings, region, credentials.For(account), time, environment, loggerFactory);
        set.Own(credentials);
        return set;
    }

    /// <summary>Builds the ports for one region signed with <paramref name="credentials"/>.</summary>
    internal static AwsEvidenceSet Create(
        AwsConnectionSettings settings,
        string region,
        AWSCredentials credentials,
        TimeProvider time,
        Func<string, string?> environment,
        ILoggerFactory? loggerFactory)
    {
        var logger = (loggerFactory ?? NullLoggerFactory.Instance).CreateLogger("ChatOpsBot.Aws");
        var endpoints = new AwsEndpointResolver(settings.Endpoints, environment);
        var regionEndpoint = RegionEndpoint.GetBySystemName(region);
        var retry = new QueryRetryPolicy(settings.MaxAttempts);
        var owned = new List<IDisposable>();

        T Own<T>(T disposable)
            where T : IDisposable
        {
            owned.Add(disposable);
            return disposable;
        }

        var elbLimiter = Own(new ServiceLimiter(settings.MaxConcurrencyPerService));
        var cloudWatchLimiter = Own(new ServiceLimiter(settings.MaxConcurrencyPerService));
        var ec2Limiter = Own(new ServiceLimiter(settings.MaxConcurrencyPerService));
        var ssmLimiter = Own(new ServiceLimiter(settings.MaxConcurrencyPerService));

        var elbEndpoint = endpoints.Resolve(AwsService.ElasticLoadBalancingV2, region)!;
        var elbHttp = Own(CreateSignedHttpClient(credentials, regionEndpoint, "elasticloadbalancing", settings.MaxConcurrencyPerService));
        var elbv2 = new AwsQueryClient(elbHttp, elbEndpoint, "elasticloadbalancing", Elbv2LoadBalancingEvidence.Version, elbLimiter, retry, time, logger);
        var classic = new AwsQueryClient(elbHttp, elbEndpoint, "elasticloadbalancing", Elbv2LoadBalancingEvidence.ClassicVersion, elbLimiter, retry, time, logger);

        var cloudWatchEndpoint = endpoints.Resolve(AwsService.CloudWatch, region)!;
        var cloudWatchHttp = Own(CreateSignedHttpClient(credentials, regionEndpoint, "monitoring", settings.MaxConcurrencyPerService));
        var cloudWatch = new AwsQueryClient(
            cloudWatchHttp, cloudWatchEndpoint, "cloudwatch", CloudWatchMetricsEvidence.Version, cloudWatchLimiter, retry, time, logger);

        var ec2Endpoint = endpoints.ResolveConfigured(AwsService.Ec2);
        var ec2Config = new AmazonEC2Config();
        ConfigureSdk(ec2Config, ec2Endpoint, region, regionEndpoint, settings);
        var ec2 = Own(new AmazonEC2Client(credentials, ec2Config));

        var ssmEndpoint = endpoints.ResolveConfigured(AwsService.Ssm);
        var ssmConfig = new AmazonSimpleSystemsManagementConfig();
        ConfigureSdk(ssmConfig, ssmEndpoint, region, regionEndpoint, settings);
        var ssm = Own(new AmazonSimpleSystemsManagementClient(credentials, ssmConfig));

        INameResolver dns = settings.DnsServer is not null && DnsServerEndpoint.TryParse(settings.DnsServer, out var dnsServer)
            ? new UdpNameResolver(dnsServer, time)
            : new SystemNameResolver();

        var ssmRunner = new SdkCallRunner("ssm", ssmEndpoint, ssmLimiter, time);
        return new AwsEvidenceSet(
            region,
            new Elbv2LoadBalancingEvidence(elbv2, classic),
            new CloudWatchMetricsEvidence(cloudWatch),
            new Ec2NetworkEvidence(ec2, new SdkCallRunner("ec2", ec2Endpoint, ec2Limiter, time)),
            new SsmInstanceManagementEvidence(ssm, ssmRunner),
            dns,
            settings.InstanceProbeEnabled ? new SsmInstanceProbe(ssm, ssmRunner, time) : null,
            owned);
    }

    private static HttpClient CreateSignedHttpClient(AWSCredentials credentials, RegionEndpoint region, string signingName, int maxConnections)
    {
        var sockets = new SocketsHttpHandler
        {
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
            ConnectTimeout = TimeSpan.FromSeconds(10),
            AutomaticDecompression = System.Net.DecompressionMethods.All,
            AllowAutoRedirect = false,
            MaxConnectionsPerServer = maxConnections,
        };
        return new HttpClient(new SigV4SigningHandler(credentials, region, signingName, sockets)) { Timeout = RequestTimeout };
    }

    /// <summary>Standard retry mode (exponential backoff with jitter, throttling included), our timeout and our
    /// endpoint resolution. <paramref name="countAttempts"/> attributes HTTP attempts to the evidence call in flight.</summary>
    internal static void ConfigureSdk(ClientConfig config, Uri? endpoint, string region, RegionEndpoint regionEndpoint, AwsConnectionSettings settings, bool countAttempts = true)
    {
        config.RetryMode = RequestRetryMode.Standard;
        config.MaxErrorRetry = settings.MaxAttempts - 1;
        config.Timeout = RequestTimeout;
        if (countAttempts)
        {
            config.HttpClientFactory = new CountingHttpClientFactory();
        }

        // Endpoint resolution is ours (explicit, AWS_ENDPOINT_URL_<SERVICE>, AWS_ENDPOINT_URL): keep the SDK from
        // reading the environment a second time and disagreeing with the injected one.
        config.IgnoreConfiguredEndpointUrls = true;
        if (endpoint is not null)
        {
            config.ServiceURL = endpoint.ToString();
            config.AuthenticationRegion = region;
        }
        else
        {
            config.RegionEndpoint = regionEndpoint;
        }
    }
}
