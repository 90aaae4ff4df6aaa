using ChatOpsBot.Discord.Rendering;
using ChatOpsBot.Discord.Rest;
using ChatOpsBot.Runbooks.Messaging;

namespace ChatOpsBot.Discord.Tests.Rendering;

/// <summary>The named payloads the golden files hold: each report through <see cref="DiagnosisMessages"/> and
/// <see cref="DiscordRenderer"/>.</summary>
internal static class RenderCases
{
    public const string Session = ReportBuilder.SessionId;

    public static readonly IncidentMarks Acknowledged = new("@maria", new DateTimeOffset(2026, 11, 28, 9, 4, 0, TimeSpan.Zero), null, null);

    public static readonly IncidentMarks Resolved = new(
        "@maria",
        new DateTimeOffset(2026, 11, 28, 9, 4, 0, TimeSpan.Zero),
        "@li",
        new DateTimeOffset(2026, 11, 28, 9, 31, 0, TimeSpan.Zero));

    public static IEnumerable<string> Names =>
    [
        "progress-network-path",
        "findings-network-blocked",
        "findings-network-blocked-acknowledged",
        "findings-network-blocked-resolved",
        "findings-none",
        "findings-not-found",
        "findings-enormous",
        "findings-network-blocked-charts",
        "findings-network-blocked-charts-acknowledged",
        "findings-enormous-charts",
        "findings-network-blocked-instance-check",
        "findings-network-blocked-instance-check-resolved",
        "findings-not-found-instance-check",
        "evidence-network-blocked",
        "evidence-enormous",
        "notice-stale-button",
        "transcript",
    ];

    public static TheoryData<string> All
    {
        get
        {
            var data = new TheoryData<string>();
            foreach (var n in Names)
            {
                data.Add(n);
            }

            return data;
        }
    }

    public static DiscordMessagePayload Render(string name) => name switch
    {
        "progress-network-path" => DiscordRenderer.Render(DiagnosisMessages.Progress("503", ReportBuilder.Region, ReportBuilder.Progress()), Session),
        "findings-network-blocked" => Findings(ReportBuilder.NetworkBlocked(), IncidentMarks.None),
        "findings-network-blocked-acknowledged" => Findings(ReportBuilder.NetworkBlocked(), Acknowledged),
        "findings-network-blocked-resolved" => Findings(ReportBuilder.NetworkBlocked(), Resolved),
        "findings-none" => Findings(ReportBuilder.NoFault(), IncidentMarks.None),
        "findings-not-found" => Findings(ReportBuilder.NotFound(), IncidentMarks.None),
        "findings-enormous" => Findings(ReportBuilder.Enormous(), IncidentMarks.None),
        "findings-network-blocked-charts" => Findings(ReportBuilder.NetworkBlocked(), IncidentMarks.None, Charts(withBytes: true)),
        "findings-network-blocked-charts-acknowledged" => Findings(ReportBuilder.NetworkBlocked(), Acknowledged, Charts(withBytes: false), ChartsOnMessage),
        "findings-enormous-charts" => Findings(ReportBuilder.Enormous(), IncidentMarks.None, Charts(withBytes: true)),
        "findings-network-blocked-instance-check" => Findings(ReportBuilder.NetworkBlocked(), IncidentMarks.None, Charts(withBytes: true), offerInstanceCheck: true),
        "findings-network-blocked-instance-check-resolved" => Findings(ReportBuilder.NetworkBlocked(), Resolved, offerInstanceCheck: true),
        "findings-not-found-instance-check" => Findings(ReportBuilder.NotFound(), IncidentMarks.None, offerInstanceCheck: true),
        "evidence-network-blocked" => DiscordRenderer.Render(DiagnosisMessages.Evidence(ReportBuilder.NetworkBlocked(), Session), Session, ephemeral: true),
        "evidence-enormous" => DiscordRenderer.Render(DiagnosisMessages.Evidence(ReportBuilder.Enormous(), Session), Session, ephemeral: true),
        "notice-stale-button" => DiscordRenderer.Notice("This button has expired", "The session behind it ended; run `/diagnose 503` again."),
        "transcript" => DiscordRenderer.Render(
            DiagnosisMessages.Transcript("Transcript · shop-alb", "12 steps, 14 AWS calls, 2.4 s.", new ChatDocument($"transcript-{Session}.md", "# Transcript\n\n- 09:00:00 Start → ResolvingLoadBalancer\n")),
            Session,
            ephemeral: true),
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "no such render case"),
    };

    /// <summary>The attachments the findings message has after the charts were uploaded (ids as Discord gives them).</summary>
    public static readonly DiscordAttachment[] ChartsOnMessage =
    [
        new("1310000000000000001", "healthy-hosts.png"),
        new("1310000000000000002", "5xx-by-producer.png"),
        new("1310000000000000003", "target-response-time-p99.png"),
    ];

    /// <summary>Three charts as the runner passes them (bytes stand in for PNGs: the renderer does not look inside).</summary>
    public static IReadOnlyList<ChatImage> Charts(bool withBytes) =>
    [
        new("healthy-hosts.png", "Chart: Healthy vs unhealthy hosts — shop-alb. hosts of web healthy, web unhealthy, 08:30 to 09:00 UTC; the diagnosis ran at 09:00 UTC.", withBytes ? new byte[48_213] : null),
        new("5xx-by-producer.png", "Chart: 5xx by producer — shop-alb. count per minute of HTTPCode_ELB_503 (load balancer), HTTPCode_Target_5XX (targets), RequestCount, 08:30 to 09:00 UTC; the diagnosis ran at 09:00 UTC.", withBytes ? new byte[51_877] : null),
        new("target-response-time-p99.png", "Chart: TargetResponseTime p99 — shop-alb. seconds of web p99, web health-check timeout 5 s (dashed line), 08:30 to 09:00 UTC; the diagnosis ran at 09:00 UTC.", withBytes ? new byte[39_004] : null),
    ];

    private static DiscordMessagePayload Findings(Runbooks.Findings.DiagnosisReport report, IncidentMarks marks, IReadOnlyList<ChatImage>? images = null, IReadOnlyList<DiscordAttachment>? existing = null, bool offerInstanceCheck = false) =>
        DiscordRenderer.Render(DiagnosisMessages.Findings(report, marks, Session, offerInstanceCheck) with { Images = images }, Session, existing: existing);
}
