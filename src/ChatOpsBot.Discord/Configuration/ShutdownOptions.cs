using System.ComponentModel.DataAnnotations;

namespace ChatOpsBot.Discord.Configuration;

/// <summary>How the bot stops on SIGTERM (section <c>Shutdown</c>): it stops taking interactions at once, lets the
/// diagnoses in flight finish for up to <see cref="GracePeriod"/>, then hands the rest over (marks them interrupted,
/// with a Re-run button) within <see cref="HandOverTime"/>, and exits 0.</summary>
public sealed class ShutdownOptions
{
    public const string Section = "Shutdown";

    /// <summary>How long diagnoses in flight (and queued work) may run on after SIGTERM. Default 25 s, so that grace
    /// plus hand-over fits Kubernetes' default terminationGracePeriodSeconds of 30.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "01:00:00", ErrorMessage = "Shutdown:GracePeriod must be between 00:00:00 and 01:00:00 (for example 00:00:25).")]
    public TimeSpan GracePeriod { get; set; } = TimeSpan.FromSeconds(25);

    /// <summary>The time allowed after the grace period to mark what did not finish interrupted and edit its message.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:01:00", ErrorMessage = "Shutdown:HandOverTime must be between 00:00:01 and 00:01:00.")]
    public TimeSpan HandOverTime { get; set; } = TimeSpan.FromSeconds(3);

    /// <summary>What the host's own shutdown timeout must be (grace plus hand-over).</summary>
    public TimeSpan HostShutdownTimeout => GracePeriod + HandOverTime;
}
