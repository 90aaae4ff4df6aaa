using ChatOpsBot.Runbooks.Telemetry;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace ChatOpsBot.Hosting;

/// <summary>
/// OpenTelemetry for the bot: the libraries record into the <c>ChatOpsBot</c> meter and activity source (BCL types);
/// here they are exported. Metrics always, scraped by Prometheus at <c>/metrics</c>. Traces and an OTLP push of
/// metrics and traces when <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set (environment or configuration; the other
/// standard <c>OTEL_*</c> variables such as <c>OTEL_EXPORTER_OTLP_PROTOCOL</c> apply).
/// </summary>
internal static class BotTelemetry
{
    public const string MetricsPath = "/metrics";

    public const string OtlpEndpointSetting = "OTEL_EXPORTER_OTLP_ENDPOINT";

    public static void Add(WebApplicationBuilder builder)
    {
        var otel = builder.Services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService(builder.Configuration["OTEL_SERVICE_NAME"] ?? "chatopsbot"))
            .WithMetrics(m => m.AddMeter(ChatOpsTelemetry.Name).AddPrometheusExporter());
        if (!string.IsNullOrWhiteSpace(builder.Configuration[OtlpEndpointSetting]))
        {
            otel.WithTracing(t => t.AddSource(ChatOpsTelemetry.Name)).UseOtlpExporter();
        }
    }

    public static void Map(WebApplication app) => app.MapPrometheusScrapingEndpoint(MetricsPath);
}
