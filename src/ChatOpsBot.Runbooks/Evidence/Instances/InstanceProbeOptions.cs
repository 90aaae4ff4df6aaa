namespace ChatOpsBot.Runbooks.Evidence.Instances;

/// <summary>What the read-only on-instance checks (SSM Run Command) look at. Null on a request means "off".</summary>
/// <param name="MaxInstances">At most this many instances are probed, unhealthy first, spread across zones.</param>
/// <param name="Timeout">The whole probe's budget (delivery, execution and polling); also the script's executionTimeout.</param>
/// <param name="ServiceName">A systemd unit whose state is read (<c>systemctl is-active</c>); null to skip.</param>
/// <param name="LogPath">An application log file whose last lines are read; when null and <paramref name="ServiceName"/>
/// is set, the unit's journal is read instead.</param>
/// <param name="LogLines">How many log lines to read.</param>
/// <param name="DependencyHosts">Host names the application needs (database, cache, APIs); each is resolved on the instance.</param>
public sealed record InstanceProbeOptions(
    int MaxInstances = InstanceProbeOptions.DefaultMaxInstances,
    TimeSpan? Timeout = null,
    string? ServiceName = null,
    string? LogPath = null,
    int LogLines = InstanceProbeOptions.DefaultLogLines,
    IReadOnlyList<string>? DependencyHosts = null)
{
    public const int DefaultMaxInstances = 3;

    public const int DefaultLogLines = 20;

    /// <summary>The most instances one probe may target (SendCommand's InstanceIds limit).</summary>
    public const int MaxInstancesLimit = 50;

    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(30);

    public TimeSpan EffectiveTimeout => Timeout ?? DefaultTimeout;

    public IReadOnlyList<string> Dependencies => DependencyHosts ?? [];

    /// <summary>A sentence naming the first invalid setting, or null when the options are usable.</summary>
    public string? Validate()
    {
        if (MaxInstances is < 1 or > MaxInstancesLimit)
        {
            return $"MaxInstances must be between 1 and {MaxInstancesLimit} (got {MaxInstances}).";
        }

        if (EffectiveTimeout < TimeSpan.FromSeconds(5) || EffectiveTimeout > TimeSpan.FromMinutes(10))
        {
            return $"the on-instance timeout must be between 5 s and 10 min (got {EffectiveTimeout.TotalSeconds} s).";
        }

        if (LogLines is < 0 or > 200)
        {
            return $"LogLines must be between 0 and 200 (got {LogLines}).";
        }

        if (ServiceName is { } unit && (unit.Length == 0 || unit.Length > 256 || unit.Any(c => char.IsControl(c) || char.IsWhiteSpace(c))))
        {
            return $"the service name '{unit}' is not a systemd unit name (no spaces or control characters, at most 256 characters).";
        }

        if (LogPath is { } path && (!path.StartsWith('/') || path.Length > 1024 || path.Any(char.IsControl)))
        {
            return $"the application log path '{path}' must be an absolute path without control characters.";
        }

        foreach (var host in Dependencies)
        {
            if (host.Length is 0 or > 253 || !host.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_' or ':'))
            {
                return $"the dependency '{host}' is not a host name (letters, digits, dots, hyphens; at most 253 characters).";
            }
        }

        return null;
    }
}
