using System.ComponentModel.DataAnnotations;

namespace ChatOpsBot.Hosting;

/// <summary>How <c>/readyz</c> and the start-up store watch probe the transcript store (section <c>Readiness</c>).</summary>
public sealed class ReadinessOptions
{
    public const string Section = "Readiness";

    /// <summary>How long one probe query may take before the store counts as unreachable.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:00:30", ErrorMessage = "Readiness:StoreTimeout must be between 00:00:00.100 and 00:00:30.")]
    public TimeSpan StoreTimeout { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>While the store is unreachable, how often it is tried again (one log line per try).</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:10:00", ErrorMessage = "Readiness:StoreRetryInterval must be between 00:00:01 and 00:10:00.")]
    public TimeSpan StoreRetryInterval { get; set; } = TimeSpan.FromSeconds(10);
}
