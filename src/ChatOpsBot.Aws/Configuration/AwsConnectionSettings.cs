using Amazon.Runtime;

namespace ChatOpsBot.Aws.Configuration;

/// <summary>How to reach AWS. Everything is optional: unset values fall back to the AWS SDK conventions
/// (environment variables, shared config/credentials files, instance or container roles).</summary>
public sealed class AwsConnectionSettings
{
    public const int DefaultMaxConcurrencyPerService = 32;

    public const int DefaultMaxAttempts = 4;

    /// <summary>The region (for example <c>eu-west-1</c>); wins over the region of an ARN and the environment.</summary>
    public string? Region { get; init; }

    /// <summary>A named profile from the shared config/credentials files (<c>--profile</c>).</summary>
    public string? Profile { get; init; }

    /// <summary>Explicit endpoint overrides; they win over <c>AWS_ENDPOINT_URL_*</c> and the regional defaults.</summary>
    public IReadOnlyDictionary<AwsService, Uri> Endpoints { get; init; } = new Dictionary<AwsService, Uri>();

    /// <summary>Explicit credentials; null means the profile, else the SDK's default credential chain.</summary>
    public AWSCredentials? Credentials { get; init; }

    /// <summary>How many requests may be in flight to one service at once.</summary>
    public int MaxConcurrencyPerService { get; init; } = DefaultMaxConcurrencyPerService;

    /// <summary>HTTP attempts per request, first try included (throttling and 5xx are retried).</summary>
    public int MaxAttempts { get; init; } = DefaultMaxAttempts;

    /// <summary>A DNS server to ask directly over UDP (<c>127.0.0.1:5353</c>); null means the system resolver.</summary>
    public string? DnsServer { get; init; }

    /// <summary>Whether the read-only on-instance probe (ssm:SendCommand with AWS-RunShellScript) may run. Off by
    /// default: it executes a script on the instances, so it needs its own IAM statement and an explicit opt-in.</summary>
    public bool InstanceProbeEnabled { get; init; }

    /// <summary>A copy with another region and/or probe switch; everything else is shared.</summary>
    public AwsConnectionSettings With(string? region = null, bool? instanceProbeEnabled = null) => new()
    {
        Region = region ?? Region,
        Profile = Profile,
        Endpoints = Endpoints,
        Credentials = Credentials,
        MaxConcurrencyPerService = MaxConcurrencyPerService,
        MaxAttempts = MaxAttempts,
        DnsServer = DnsServer,
        InstanceProbeEnabled = instanceProbeEnabled ?? InstanceProbeEnabled,
    };

    /// <summary>Throws <see cref="ArgumentException"/> naming the first invalid setting.</summary>
    public void Validate()
    {
        if (MaxConcurrencyPerService is < 1 or > 1024)
        {
            throw new ArgumentException(
                $"{nameof(MaxConcurrencyPerService)} must be between 1 and 1024 (was {MaxConcurrencyPerService}).");
        }

        if (MaxAttempts is < 1 or > 10)
        {
            throw new ArgumentException($"{nameof(MaxAttempts)} must be between 1 and 10 (was {MaxAttempts}).");
        }

        foreach (var (service, uri) in Endpoints)
        {
            if (!uri.IsAbsoluteUri || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
            {
                throw new ArgumentException($"The endpoint for {service} must be an absolute http(s) URL (was '{uri}').");
            }
        }

        if (DnsServer is not null && !Dns.DnsServerEndpoint.TryParse(DnsServer, out _))
        {
            throw new ArgumentException($"{nameof(DnsServer)} must be an IP address with an optional port, such as 127.0.0.1:5353 (was '{DnsServer}').");
        }
    }
}
