using System.Collections.Concurrent;
using Amazon;
using Amazon.Runtime;
using Amazon.SecurityToken;
using Amazon.SecurityToken.Model;
using ChatOpsBot.Aws.Configuration;
using ChatOpsBot.Aws.Errors;
using ChatOpsBot.Aws.Query;
using ChatOpsBot.Runbooks.Engine;
using ChatOpsBot.Runbooks.Evidence;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace ChatOpsBot.Aws.Sts;

/// <summary>
/// The credentials of each account alias: the base credentials (explicit, profile, web identity token file or the
/// SDK's default chain) for no alias, and for an alias the temporary credentials of its role, obtained with STS
/// AssumeRole (external id, <c>chatopsbot-&lt;host&gt;</c> session name) and cached until shortly before they
/// expire. One instance per host, so every region of an alias shares one cache.
/// </summary>
internal sealed class AccountCredentials : IDisposable
{
    private readonly AwsConnectionSettings _settings;
    private readonly string _baseRegion;
    private readonly AwsEndpointResolver _endpoints;
    private readonly TimeProvider _time;
    private readonly Func<string, string?> _environment;
    private readonly string _sessionName;
    private readonly ConcurrentDictionary<string, Lazy<RefreshingSessionCredentials>> _assumed = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentBag<IDisposable> _owned = [];

    private readonly ILogger _logger;

    public AccountCredentials(AwsConnectionSettings settings, string baseRegion, TimeProvider time, Func<string, string?> environment, ILogger? logger = null)
    {
        _logger = logger ?? NullLogger.Instance;
        _settings = settings;
        _baseRegion = baseRegion;
        _time = time;
        _environment = environment;
        _endpoints = new AwsEndpointResolver(settings.Endpoints, environment);
        _sessionName = settings.RoleSessionName ?? RoleSessionNames.Default(environment);
        Base = new DeferredCredentials(ResolveBase);
    }

    /// <summary>The bot's own credentials, resolved on first use.</summary>
    public AWSCredentials Base { get; }

    /// <summary>The RoleSessionName sent to STS.</summary>
    public string SessionName => _sessionName;

    /// <summary>The credentials to sign with in <paramref name="alias"/> (null: the base credentials).</summary>
    /// <exception cref="UnknownAccountException">The alias is not configured.</exception>
    public AWSCredentials For(string? alias) => alias is null ? Base : Assumed(alias);

    /// <summary>The refreshing credentials of an alias (created on first use).</summary>
    internal RefreshingSessionCredentials Assumed(string alias)
    {
        var account = _settings.Account(alias);
        return _assumed.GetOrAdd(alias, a => new Lazy<RefreshingSessionCredentials>(() =>
        {
            var sts = CreateStsClient(Base, account.Region ?? _baseRegion);
            return new RefreshingSessionCredentials(ct => AssumeRoleAsync(sts, a, account, ct), _time);
        })).Value;
    }

    public void Dispose()
    {
        foreach (var owned in _owned)
        {
            owned.Dispose();
        }
    }

    private async Task<TemporaryCredentials> AssumeRoleAsync(AmazonSecurityTokenServiceClient sts, string alias, AwsAccountSettings account, CancellationToken cancellationToken)
    {
        var request = new AssumeRoleRequest
        {
            RoleArn = account.RoleArn,
            RoleSessionName = _sessionName,
            ExternalId = account.ExternalId,
            DurationSeconds = account.DurationSeconds,
        };
        try
        {
            var response = await sts.AssumeRoleAsync(request, cancellationToken).ConfigureAwait(false);
            var temporary = ToTemporary(response.Credentials, "AssumeRole");
            AwsLog.AssumedRole(_logger, alias, account.RoleArn, _sessionName, temporary.Expiration);
            return temporary;
        }
        catch (AmazonSecurityTokenServiceException e) when (e.ErrorCode is not null)
        {
            AwsLog.AssumeRoleFailed(_logger, alias, account.RoleArn, e.ErrorCode);
            throw AssumeRoleFailure(alias, account, e);
        }
        catch (Exception e) when (CredentialsUnavailableException.Find(e) is null && e is AmazonClientException or HttpRequestException or IOException or TaskCanceledException)
        {
            throw CredentialsUnavailableException.StsFailed(
                $"Could not reach STS at {StsEndpoint(account.Region ?? _baseRegion)} to assume the role of account '{alias}': {AwsErrorMessages.Redact(e.Message) ?? "network error"}.",
                EvidenceFailureKind.Unavailable,
                null,
                e);
        }
    }

    private CredentialsUnavailableException AssumeRoleFailure(string alias, AwsAccountSettings account, AmazonSecurityTokenServiceException e)
    {
        var said = AwsErrorMessages.Redact(e.Message) is { } text ? $" AWS said: {text}" : string.Empty;
        var key = $"Aws:Accounts:{alias}";
        var classification = AwsErrorClassifier.Classify(e.ErrorCode, (int)e.StatusCode);
        var sentence = e.ErrorCode switch
        {
            "AccessDenied" =>
                $"The bot could not assume {account.RoleArn} for account '{alias}' (AccessDenied). Check three things: the role's trust policy names the bot's identity as principal, its sts:ExternalId condition equals {key}:ExternalId ({(account.ExternalId is null ? "none is configured" : "configured, value not shown")}), and the bot's own policy allows sts:AssumeRole on that role ARN.{said}",
            "RegionDisabledException" =>
                $"STS is not activated in region {account.Region ?? _baseRegion} of the bot's account, so account '{alias}' cannot be assumed there: activate the region under IAM > Account settings, or set {key}:Region to an active region.{said}",
            "MalformedPolicyDocument" or "PackedPolicyTooLarge" or "ValidationError" =>
                $"STS refused AssumeRole for account '{alias}' ({e.ErrorCode}): fix {key} (RoleArn, ExternalId, DurationSeconds at most the role's MaxSessionDuration).{said}",
            _ when classification.Kind == EvidenceFailureKind.Throttled =>
                $"STS throttled AssumeRole for account '{alias}' ({e.ErrorCode}) even after retries with backoff; try again in a minute.",
            _ when classification.Kind == EvidenceFailureKind.NoCredentials =>
                $"STS rejected the bot's own credentials ({e.ErrorCode}) when assuming the role of account '{alias}'.",
            _ => $"STS could not assume the role of account '{alias}' ({e.ErrorCode}).{said}",
        };
        return classification.Kind == EvidenceFailureKind.NoCredentials
            ? new CredentialsUnavailableException(sentence, e)
            : StsRefused(sentence, e);
    }

    /// <summary>STS refused a role assumption; when it was throttling or failing rather than refusing, the failure
    /// keeps that kind and AWS's code, so the report says to retry instead of to fix a role.</summary>
    internal static CredentialsUnavailableException StsRefused(string sentence, AmazonSecurityTokenServiceException e)
    {
        var kind = AwsErrorClassifier.Classify(e.ErrorCode, (int)e.StatusCode).Kind;
        return kind is EvidenceFailureKind.Throttled or EvidenceFailureKind.Unavailable
            ? CredentialsUnavailableException.StsFailed(sentence, kind, e.ErrorCode, e)
            : CredentialsUnavailableException.RoleNotAssumed(sentence, e);
    }

    private AWSCredentials ResolveBase()
    {
        if (_settings.Credentials is null && string.IsNullOrWhiteSpace(_settings.Profile) && WebIdentity.FromEnvironment(_environment) is { } webIdentity)
        {
            var sts = CreateStsClient(new AnonymousAWSCredentials(), _baseRegion);
            return new RefreshingSessionCredentials(ct => webIdentity.AssumeAsync(sts, _sessionName, ct), _time);
        }

        return AwsCredentialResolver.Resolve(_settings);
    }

    private AmazonSecurityTokenServiceClient CreateStsClient(AWSCredentials credentials, string region)
    {
        var config = new AmazonSecurityTokenServiceConfig();
        AwsEvidence.ConfigureSdk(config, _endpoints.ResolveConfigured(AwsService.Sts), region, RegionEndpoint.GetBySystemName(region), _settings, countAttempts: false);
        var client = new AmazonSecurityTokenServiceClient(credentials, config);
        _owned.Add(client);
        return client;
    }

    private string StsEndpoint(string region) =>
        (_endpoints.ResolveConfigured(AwsService.Sts) ?? AwsEndpointResolver.RegionalDefault("sts", region)).GetLeftPart(UriPartial.Authority);

    internal static TemporaryCredentials ToTemporary(Credentials? credentials, string action)
    {
        if (credentials?.AccessKeyId is null || credentials.SecretAccessKey is null || credentials.SessionToken is null || credentials.Expiration is not { } expiration)
        {
            throw CredentialsUnavailableException.StsFailed(
                $"STS answered {action} without complete credentials (access key, secret, session token and expiration).", EvidenceFailureKind.Unavailable, null);
        }

        return new TemporaryCredentials(
            new ImmutableCredentials(credentials.AccessKeyId, credentials.SecretAccessKey, credentials.SessionToken),
            new DateTimeOffset(expiration.Kind == DateTimeKind.Local ? expiration.ToUniversalTime() : DateTime.SpecifyKind(expiration, DateTimeKind.Utc)));
    }
}
