using ChatOpsBot.Runbooks.Sessions;
using ChatOpsBot.Transcripts.Configuration;
using ChatOpsBot.Transcripts.Retention;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace ChatOpsBot.Transcripts;

/// <summary>The transcripts project's registration entry point.</summary>
public static class TranscriptServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="TranscriptOptions"/> (section <c>Transcripts</c>, validated at start), the configured
    /// <see cref="ITranscriptStore"/> as a singleton (SQLite or PostgreSQL; it migrates its schema lazily, on first
    /// use, so commands that never touch it never open it), and the retention <see cref="BackgroundService"/>.
    /// </summary>
    public static IServiceCollection AddChatOpsTranscripts(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<TranscriptOptions>()
            .Bind(configuration.GetSection(TranscriptOptions.Section))
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<TranscriptOptions>, TranscriptOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(sp => TranscriptStoreFactory.Create(sp.GetRequiredService<IOptions<TranscriptOptions>>().Value));
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, RetentionService>());
        return services;
    }
}
