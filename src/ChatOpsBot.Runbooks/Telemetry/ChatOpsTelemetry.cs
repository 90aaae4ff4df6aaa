using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace ChatOpsBot.Runbooks.Telemetry;

/// <summary>
/// The one <see cref="System.Diagnostics.Metrics.Meter"/> and <see cref="System.Diagnostics.ActivitySource"/> every
/// ChatOpsBot library records into (BCL types only, so no library depends on OpenTelemetry). The composition root
/// subscribes to <see cref="Name"/> and exports (Prometheus, OTLP); without a listener recording costs next to nothing.
/// </summary>
public static class ChatOpsTelemetry
{
    /// <summary>The meter's and the activity source's name.</summary>
    public const string Name = "ChatOpsBot";

    public static readonly Meter Meter = new(Name);

    public static readonly ActivitySource Source = new(Name);

    /// <summary>Marks an activity failed with a short, secret-free reason.</summary>
    public static void Fail(Activity? activity, string reason)
    {
        activity?.SetStatus(ActivityStatusCode.Error, reason);
    }
}
