using ChatOpsBot.Aws;
using ChatOpsBot.Aws.Configuration;
using ChatOpsBot.Charts;
using ChatOpsBot.Discord;
using ChatOpsBot.Runbooks.Charts;
using ChatOpsBot.Runbooks.Engine;
using ChatOpsBot.Transcripts;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ChatOpsBot.Hosting;

/// <summary>Builds the bot's web host: the Discord interactions endpoint, health, and AWS evidence per region.</summary>
public static class BotHost
{
    /// <param name="aws">How to reach AWS (the real chain, or the simulator's endpoint and keys).</param>
    /// <param name="settings">Extra configuration (highest precedence), e.g. from tests.</param>
    /// <param name="urls">Where to listen, e.g. http://0.0.0.0:8080 (default: configuration's Urls, else that).</param>
    /// <param name="time">The clock (tests pass a fake one shared with the fake Discord).</param>
    /// <param name="configure">Last word on the builder (tests add a log capture, for example).</param>
    public static WebApplication Build(AwsConnectionSettings aws, IReadOnlyDictionary<string, string?>? settings = null, string? urls = null, TimeProvider? time = null, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory, Args = [] });
        if (settings is not null)
        {
            builder.Configuration.AddInMemoryCollection(settings);
        }

        builder.WebHost.UseUrls(urls ?? builder.Configuration["Urls"] ?? "http://0.0.0.0:8080");
        builder.Services.TryAddSingleton(time ?? TimeProvider.System);
        builder.Services.TryAddSingleton<IEvidenceSourcesProvider>(sp => new AwsEvidenceProvider(aws, sp.GetRequiredService<TimeProvider>(), sp.GetService<ILoggerFactory>()));
        builder.Services.TryAddSingleton<IChartImageRenderer, ScottPlotChartImageRenderer>();
        builder.Services.AddChatOpsTranscripts(builder.Configuration);
        builder.Services.AddDiscordInteractions(builder.Configuration);
        configure?.Invoke(builder);

        var app = builder.Build();
        app.MapDiscordInteractions("/interactions");
        app.MapGet("/healthz", () => Results.Text("ok"));
        return app;
    }
}
