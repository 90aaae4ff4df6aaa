using ChatOpsBot.Discord.Configuration;
using ChatOpsBot.Discord.Handlers;
using ChatOpsBot.Discord.Hosting;
using ChatOpsBot.Discord.Rest;
using ChatOpsBot.Discord.Security;
using ChatOpsBot.Discord.Sessions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ChatOpsBot.Discord;

/// <summary>The Discord adapter's registration entry point.</summary>
public static class DiscordServiceCollectionExtensions
{
    public const string HttpClientName = "discord";

    /// <summary>Discord's REST client and options only (enough for <c>register-commands</c>).</summary>
    public static IServiceCollection AddDiscordRest(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<DiscordOptions>()
            .Bind(configuration.GetSection(DiscordOptions.Section))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);

        // No HttpClient logging: webhook URLs carry interaction tokens, which must never reach a log line.
        services.AddHttpClient(HttpClientName)
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) })
            .RemoveAllLoggers();
        services.TryAddSingleton<IDiscordRestClient>(sp => new DiscordRestClient(
            sp.GetRequiredService<IHttpClientFactory>().CreateClient(HttpClientName),
            sp.GetRequiredService<IOptions<DiscordOptions>>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetService<ILogger<DiscordRestClient>>()));
        return services;
    }

    /// <summary>Everything the interactions endpoint needs. The host must also register an
    /// <see cref="Runbooks.Engine.IEvidenceSourcesProvider"/> and an <see cref="Runbooks.Sessions.ITranscriptStore"/>.</summary>
    public static IServiceCollection AddDiscordInteractions(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddDiscordRest(configuration);
        services.AddOptions<ShutdownOptions>()
            .Bind(configuration.GetSection(ShutdownOptions.Section))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddOptions<InstanceProbeSettings>()
            .Bind(configuration.GetSection(InstanceProbeSettings.Section))
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<InstanceProbeSettings>, InstanceProbeSettingsValidator>());
        services.TryAddSingleton(sp => new InteractionSignatureVerifier(sp.GetRequiredService<IOptions<DiscordOptions>>().Value.PublicKey!));
        services.TryAddSingleton<InteractionDeduplicator>();
        services.TryAddSingleton<AccessPolicy>();
        services.TryAddSingleton<ISessionStore>(sp => new DurableSessionStore(
            sp.GetRequiredService<Runbooks.Sessions.ITranscriptStore>(),
            sp.GetRequiredService<IOptions<DiscordOptions>>().Value.ReplicaId ?? Environment.MachineName));
        services.TryAddSingleton<WorkQueue>();
        services.TryAddSingleton<SessionMessenger>();
        services.TryAddSingleton<DiagnosisRunner>();
        services.TryAddSingleton<LoadBalancerNameCache>();
        services.TryAddSingleton<InteractionRouter>();
        services.TryAddSingleton<InteractionProcessor>();
        services.TryAddSingleton<SessionRecovery>();
        services.AddHostedService(sp => sp.GetRequiredService<SessionRecovery>());
        services.AddHostedService<WorkQueueService>();
        return services;
    }

    /// <summary>Maps Discord's Interactions Endpoint URL (POST).</summary>
    public static IEndpointConventionBuilder MapDiscordInteractions(this IEndpointRouteBuilder endpoints, string path = "/interactions") =>
        endpoints.MapPost(path, (HttpContext http, InteractionProcessor processor) => processor.HandleAsync(http));
}
