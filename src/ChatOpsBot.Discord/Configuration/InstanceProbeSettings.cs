using ChatOpsBot.Runbooks.Evidence.Instances;
using ChatOpsBot.Runbooks.Findings;
using ChatOpsBot.Runbooks.Http503;

namespace ChatOpsBot.Discord.Configuration;

/// <summary>The Discord "Check on instances" button and the read-only on-instance checks it runs through SSM Run
/// Command (section <c>InstanceProbe</c>). Off by default: the checks run a script on the instances, so they need
/// their own IAM statement, an explicit opt-in and the roles allowed to press the button.</summary>
public sealed class InstanceProbeSettings
{
    public const string Section = "InstanceProbe";

    /// <summary>Offers the button on 503 findings and lets the bot call ssm:SendCommand.</summary>
    public bool Enabled { get; set; }

    /// <summary>Discord role ids whose members may press the button (required when enabled).</summary>
    public IList<string> Roles { get; } = [];

    /// <summary>At most this many instance targets are checked, unhealthy first, spread across zones.</summary>
    public int MaxInstances { get; set; } = InstanceProbeOptions.DefaultMaxInstances;

    /// <summary>The whole probe's budget (delivery, execution, polling).</summary>
    public TimeSpan Timeout { get; set; } = InstanceProbeOptions.DefaultTimeout;

    /// <summary>The application's systemd unit (its state, and its journal when no <see cref="LogPath"/>).</summary>
    public string? ServiceName { get; set; }

    /// <summary>The application log file whose last lines are read.</summary>
    public string? LogPath { get; set; }

    /// <summary>How many log lines to read.</summary>
    public int LogLines { get; set; } = InstanceProbeOptions.DefaultLogLines;

    /// <summary>Host names the application needs; each is resolved on the instance.</summary>
    public IList<string> DependencyHosts { get; } = [];

    /// <summary>Whether the findings of <paramref name="report"/> offer the button: the checks are enabled and the
    /// runbook is the one that uses them (503).</summary>
    public bool Offers(DiagnosisReport report) => Enabled && PartOf(report.Runbook);

    /// <summary>Whether the on-instance checks belong to <paramref name="runbook"/> (only the 503 runbook uses them).</summary>
    public static bool PartOf(string runbook) => runbook == Http503Runbook.Name;

    /// <summary>Whether one of <paramref name="memberRoles"/> may press the button.</summary>
    public bool Allows(IEnumerable<string> memberRoles) => memberRoles.Any(Roles.Contains);

    /// <summary>The core's probe options (blank texts mean "not set").</summary>
    public InstanceProbeOptions ToProbeOptions() => new(
        MaxInstances: MaxInstances,
        Timeout: Timeout,
        ServiceName: string.IsNullOrWhiteSpace(ServiceName) ? null : ServiceName.Trim(),
        LogPath: string.IsNullOrWhiteSpace(LogPath) ? null : LogPath.Trim(),
        LogLines: LogLines,
        DependencyHosts: [.. DependencyHosts.Select(h => h.Trim())]);
}
