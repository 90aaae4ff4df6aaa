using ChatOpsBot.Aws;
using ChatOpsBot.Aws.Configuration;
using ChatOpsBot.Charts;
using ChatOpsBot.Discord;
using ChatOpsBot.Discord.Configuration;
using ChatOpsBot.Runbooks.Charts;
using ChatOpsBot.Runbooks.Engine;
using ChatOpsBot.Transcripts;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace ChatOpsBot.Hosting;

/// <summary>Builds the bot's web host: the Discord interactions endpoint, health and readiness, metrics, and AWS
/// evidence per region.</summary>
public static class BotHost
{
    /// <summary>The setting that chooses the log format: <c>json</c> (one JSON object per line, with scopes) or <c>text</c>.</summary>
    public const string LogFormatSetting = "Logging:Format";

    /// <param name="aws">How to reach AWS (the real chain, or the simulator's endpoint and keys); the named accounts
    /// (<c>Aws:Accounts</c>) come from the host's configuration.</param>
    /// <param name="settings">Extra configuration (highest precedence), e.g. from tests.</param>
    /// <param name="urls">Where to listen, e.g. http://0.0.0.0:8080 (default: configuration's Urls, else that).</param>
    /// <param name="time">The clock (tests pass a fake one shared with the fake Discord).</param>
    /// <param name="configure">Last word on the builder (tests add a log capture, for example).</param>
    /// <param name="defaultLogFormat">The log format when <c>Logging:Format</c> is not set (<c>json</c> or <c>text</c>).</param>
    public static WebApplication Build(AwsConnectionSettings aws, IReadOnlyDictionary<string, string?>? settings = null, string? urls = null, TimeProvider? time = null, Action<WebApplicationBuilder>? configure = null, string defaultLogFormat = "text")
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory, Args = [] });
        if (settings is not null)
        {
            builder.Configuration.AddInMemoryCollection(settings);
        }

        builder.WebHost.UseUrls(urls ?? builder.Configuration["Urls"] ?? "http://0.0.0.0:8080");
        ConfigureLogging(builder, defaultLogFormat);
        builder.Services.TryAddSingleton(time ?? TimeProvider.System);
        // The SSM probe exists only when the Discord button that uses it is configured (InstanceProbe:Enabled).
        builder.Services.TryAddSingleton<IEvidenceSourcesProvider>(sp =>
        {
            var settings = AwsAccountsConfiguration.Apply(aws, builder.Configuration);
            return new AwsEvidenceProvider(
                sp.GetRequiredService<IOptions<InstanceProbeSettings>>().Value.Enabled ? settings.With(instanceProbeEnabled: true) : settings,
                sp.GetRequiredService<TimeProvider>(),
                sp.GetService<ILoggerFactory>());
        });
        builder.Services.TryAddSingleton<IChartImageRenderer, ScottPlotChartImageRenderer>();
        builder.Services.AddChatOpsTranscripts(builder.Configuration);
        builder.Services.AddDiscordInteractions(builder.Configuration);

        // The host waits for the shutdown grace period plus the hand-over, not its own 30 s default.
        builder.Services.AddOptions<HostOptions>().Configure<IOptions<ShutdownOptions>>((host, shutdown) => host.ShutdownTimeout = shutdown.Value.HostShutdownTimeout);
        builder.Services.AddOptions<ReadinessOptions>().Bind(builder.Configuration.GetSection(ReadinessOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.TryAddSingleton<StoreProbe>();
        builder.Services.TryAddSingleton<Readiness>();
        builder.Services.AddHostedService<StoreWatch>();
        BotTelemetry.Add(builder);
        configure?.Invoke(builder);

        var app = builder.Build();
        app.MapDiscordInteractions("/interactions").AddEndpointFilter(RefuseWhileStopping);
        app.MapGet("/healthz", () => Results.Text("ok"));
        app.MapGet("/readyz", Readiness.WriteAsync);
        BotTelemetry.Map(app);
        return app;
    }

    /// <summary>From SIGTERM on, new interactions get 503 (Discord shows the user a failure at once instead of a
    /// reply that never comes; a load balancer sends the next one to another replica), while the work already
    /// accepted finishes.</summary>
    private static async ValueTask<object?> RefuseWhileStopping(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var lifetime = context.HttpContext.RequestServices.GetRequiredService<IHostApplicationLifetime>();
        if (lifetime.ApplicationStopping.IsCancellationRequested)
        {
            context.HttpContext.Response.Headers.RetryAfter = "1";
            return Results.Text("shutting down: this replica takes no new interactions", statusCode: StatusCodes.Status503ServiceUnavailable);
        }

        return await next(context);
    }

    /// <summary><c>Logging:Format</c>: <c>json</c> writes one JSON object per line with scopes (SessionId,
    /// InteractionId, GuildId, ChannelId) and UTC timestamps; anything else keeps the plain console format.</summary>
    private static void ConfigureLogging(WebApplicationBuilder builder, string defaultFormat)
    {
        if (string.Equals(builder.Configuration[LogFormatSetting] ?? defaultFormat, "json", StringComparison.OrdinalIgnoreCase))
        {
            builder.Logging.AddJsonConsole(o =>
            {
                o.IncludeScopes = true;
                o.UseUtcTimestamp = true;
                o.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ";
                o.JsonWriterOptions = new System.Text.Json.JsonWriterOptions { Indented = false };
            });
        }
    }
}
