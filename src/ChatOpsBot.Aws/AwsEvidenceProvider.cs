using System.Collections.Concurrent;
using ChatOpsBot.Aws.Configuration;
using ChatOpsBot.Aws.Sts;
using ChatOpsBot.Runbooks.Engine;
using Microsoft.Extensions.Logging;

namespace ChatOpsBot.Aws;

/// <summary>One <see cref="AwsEvidenceSet"/> per (account alias, region), created on first use from the same
/// connection settings and kept for the life of the host. The temporary credentials of an alias are shared by all
/// its regions and refreshed shortly before they expire.</summary>
public sealed class AwsEvidenceProvider : IEvidenceSourcesProvider, IDisposable
{
    private readonly AwsConnectionSettings _settings;
    private readonly TimeProvider _time;
    private readonly ILoggerFactory? _loggerFactory;
    private readonly Func<string, string?> _environment;
    private readonly AccountCredentials _credentials;
    private readonly ConcurrentDictionary<(string Account, string Region), Lazy<AwsEvidenceSet>> _sets = new();

    /// <exception cref="ArgumentException">The settings are invalid or no default region can be found.</exception>
    public AwsEvidenceProvider(AwsConnectionSettings settings, TimeProvider time, ILoggerFactory? loggerFactory = null, Func<string, string?>? environment = null)
    {
        ArgumentNullException.ThrowIfNull(settings);
        settings.Validate();
        _settings = settings;
        _time = time;
        _loggerFactory = loggerFactory;
        _environment = environment ?? Environment.GetEnvironmentVariable;
        DefaultRegion = new AwsRegionResolver(_environment).Resolve(settings.Region, null, settings.Profile);
        _credentials = new AccountCredentials(settings, DefaultRegion, time, _environment, loggerFactory?.CreateLogger("ChatOpsBot.Aws"));
        Accounts = settings.AccountAliases;
        DefaultAccount = settings.ResolveAccount(null);
    }

    public string DefaultRegion { get; }

    public IReadOnlyList<string> Accounts { get; }

    public string? DefaultAccount { get; }

    /// <summary>The RoleSessionName the bot gives STS (CloudTrail shows it in the target accounts).</summary>
    public string RoleSessionName => _credentials.SessionName;

    public string? ResolveAccount(string? account) => _settings.ResolveAccount(account);

    public string RegionFor(string? account) => account is null ? DefaultRegion : _settings.Account(account).Region ?? DefaultRegion;

    public EvidenceSources For(string region) => For(region, null);

    public EvidenceSources For(string region, string? account)
    {
        var credentials = _credentials.For(account);
        var key = (account?.ToUpperInvariant() ?? string.Empty, region);
        var set = _sets.GetOrAdd(key, _ => new Lazy<AwsEvidenceSet>(() =>
            AwsEvidence.Create(_settings, region, credentials, _time, _environment, _loggerFactory))).Value;
        return set.Sources();
    }

    public void Dispose()
    {
        foreach (var set in _sets.Values.Where(l => l.IsValueCreated))
        {
            set.Value.Dispose();
        }

        _credentials.Dispose();
    }
}
