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

    /// <summary>A copy with another probe switch; everything else (accounts included) is shared.</summary>
    public AwsConnectionSettings With(bool instanceProbeEnabled) =>
        Copy(Region, instanceProbeEnabled, Accounts, DefaultAccount, RoleSessionName);

    /// <summary>Named target accounts (<c>Aws:Accounts:&lt;alias&gt;</c>) reached by assuming a role with STS;
    /// aliases compare case-insensitively.</summary>
    public IReadOnlyDictionary<string, AwsAccountSettings> Accounts { get; init; } =
        new Dictionary<string, AwsAccountSettings>(StringComparer.OrdinalIgnoreCase);

    /// <summary>The alias used when a diagnosis names none (<c>Aws:DefaultAccount</c>); null means the base credentials.</summary>
    public string? DefaultAccount { get; init; }

    /// <summary>The STS RoleSessionName (<c>Aws:RoleSessionName</c>); null means <c>chatopsbot-&lt;host&gt;</c>.</summary>
    public string? RoleSessionName { get; init; }

    /// <summary>The configured spelling of <paramref name="requested"/> (aliases match case-insensitively), or the
    /// <see cref="DefaultAccount"/> when none is requested; null means the base credentials.</summary>
    /// <exception cref="Runbooks.Engine.UnknownAccountException">No such alias is configured.</exception>
    public string? ResolveAccount(string? requested)
    {
        var wanted = string.IsNullOrWhiteSpace(requested) ? DefaultAccount : requested.Trim();
        if (wanted is null)
        {
            return null;
        }

        return Accounts.Keys.FirstOrDefault(k => string.Equals(k, wanted, StringComparison.OrdinalIgnoreCase))
            ?? throw new Runbooks.Engine.UnknownAccountException(wanted, AccountAliases);
    }

    /// <summary>The settings of a configured alias.</summary>
    /// <exception cref="Runbooks.Engine.UnknownAccountException">The alias is not configured.</exception>
    public AwsAccountSettings Account(string alias) =>
        Accounts.TryGetValue(alias, out var account) ? account : throw new Runbooks.Engine.UnknownAccountException(alias, AccountAliases);

    /// <summary>The configured aliases, sorted.</summary>
    public IReadOnlyList<string> AccountAliases => [.. Accounts.Keys.Order(StringComparer.OrdinalIgnoreCase)];

    /// <summary>A copy with the accounts, default account and session name replaced.</summary>
    public AwsConnectionSettings WithAccounts(IReadOnlyDictionary<string, AwsAccountSettings> accounts, string? defaultAccount, string? roleSessionName) =>
        Copy(Region, InstanceProbeEnabled, accounts, defaultAccount, roleSessionName);

    private AwsConnectionSettings Copy(string? region, bool instanceProbeEnabled, IReadOnlyDictionary<string, AwsAccountSettings> accounts, string? defaultAccount, string? roleSessionName) => new()
    {
        Region = region,
        Profile = Profile,
        Endpoints = Endpoints,
        Credentials = Credentials,
        MaxConcurrencyPerService = MaxConcurrencyPerService,
        MaxAttempts = MaxAttempts,
        DnsServer = DnsServer,
        InstanceProbeEnabled = instanceProbeEnabled,
        Accounts = accounts,
        DefaultAccount = defaultAccount,
        RoleSessionName = roleSessionName,
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

        ValidateAccounts();
    }

    private void ValidateAccounts()
    {
        foreach (var (alias, account) in Accounts)
        {
            var key = $"Aws:Accounts:{alias}";
            if (!AwsAccountAlias.IsValid(alias))
            {
                throw new ArgumentException(
                    $"The account alias in {key} must be 1 to {AwsAccountAlias.MaxAliasLength} letters, digits, '-' or '_', starting with a letter or digit (was '{alias}').");
            }

            if (string.IsNullOrWhiteSpace(account.RoleArn))
            {
                throw new ArgumentException($"{key}:RoleArn is missing: set it to the ARN of the role to assume in that account, such as arn:aws:iam::123456789012:role/chatopsbot-read.");
            }

            if (!AwsAccountAlias.IsRoleArn(account.RoleArn))
            {
                throw new ArgumentException(
                    $"{key}:RoleArn must be an IAM role ARN such as arn:aws:iam::123456789012:role/chatopsbot-read (was '{account.RoleArn}').");
            }

            if (account.ExternalId is { } externalId && !AwsAccountAlias.IsExternalId(externalId))
            {
                throw new ArgumentException(
                    $"{key}:ExternalId must be 2 to 1224 characters of letters, digits and +=,.@:/-_ (it has {externalId.Length} characters; the value is not shown).");
            }

            if (account.Region is { } region && !AwsAccountAlias.IsRegion(region))
            {
                throw new ArgumentException($"{key}:Region must be an AWS region such as eu-west-1 (was '{region}').");
            }

            if (account.DurationSeconds is { } duration and (< 900 or > 43200))
            {
                throw new ArgumentException($"{key}:DurationSeconds must be between 900 and 43200 (was {duration}).");
            }
        }

        if (DefaultAccount is { } defaultAccount && !Accounts.ContainsKey(defaultAccount))
        {
            throw new ArgumentException(Accounts.Count == 0
                ? $"Aws:DefaultAccount names '{defaultAccount}', but no account is configured under Aws:Accounts."
                : $"Aws:DefaultAccount names '{defaultAccount}', which is not under Aws:Accounts (configured: {string.Join(", ", Accounts.Keys.Order(StringComparer.OrdinalIgnoreCase))}).");
        }

        if (RoleSessionName is { } sessionName && !Sts.RoleSessionNames.IsValid(sessionName))
        {
            throw new ArgumentException(
                $"Aws:RoleSessionName must be 2 to 64 letters, digits or +=,.@-_ (was '{sessionName}').");
        }
    }
}
