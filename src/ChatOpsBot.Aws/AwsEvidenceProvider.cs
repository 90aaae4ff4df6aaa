using System.Collections.Concurrent;
using ChatOpsBot.Aws.Configuration;
using ChatOpsBot.Runbooks.Engine;
using Microsoft.Extensions.Logging;

namespace ChatOpsBot.Aws;

/// <summary>One <see cref="AwsEvidenceSet"/> per region, created on first use from the same connection settings
/// (credentials, endpoints, limits) and kept for the life of the host.</summary>
public sealed class AwsEvidenceProvider : IEvidenceSourcesProvider, IDisposable
{
    private readonly AwsConnectionSettings _settings;
    private readonly TimeProvider _time;
    private readonly ILoggerFactory? _loggerFactory;
    private readonly ConcurrentDictionary<string, Lazy<AwsEvidenceSet>> _sets = new(StringComparer.Ordinal);

    /// <exception cref="ArgumentException">The settings are invalid or no default region can be found.</exception>
    public AwsEvidenceProvider(AwsConnectionSettings settings, TimeProvider time, ILoggerFactory? loggerFactory = null)
    {
        _settings = settings;
        _time = time;
        _loggerFactory = loggerFactory;
        var first = AwsEvidence.Create(settings, time, loggerFactory: loggerFactory);
        DefaultRegion = first.Region;
        _sets[first.Region] = new Lazy<AwsEvidenceSet>(first);
    }

    public string DefaultRegion { get; }

    public EvidenceSources For(string region)
    {
        var set = _sets.GetOrAdd(region, r => new Lazy<AwsEvidenceSet>(() => AwsEvidence.Create(_settings.With(region: r), _time, loggerFactory: _loggerFactory))).Value;
        return set.Sources();
    }

    public void Dispose()
    {
        foreach (var set in _sets.Values.Where(l => l.IsValueCreated))
        {
            set.Value.Dispose();
        }
    }
}
