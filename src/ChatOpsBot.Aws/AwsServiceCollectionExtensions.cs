using ChatOpsBot.Aws.Configuration;
using ChatOpsBot.Runbooks.Evidence.Dns;
using ChatOpsBot.Runbooks.Evidence.Instances;
using ChatOpsBot.Runbooks.Evidence.LoadBalancing;
using ChatOpsBot.Runbooks.Evidence.Metrics;
using ChatOpsBot.Runbooks.Evidence.Network;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;

namespace ChatOpsBot.Aws;

public static class AwsServiceCollectionExtensions
{
    /// <summary>Registers the AWS evidence ports (one <see cref="AwsEvidenceSet"/> for the configured region) with
    /// <c>TryAdd*</c>, so a host or a test can register its own implementation of any port first.
    /// The settings are validated now; the region is resolved when the set is first needed.</summary>
    public static IServiceCollection AddChatOpsAws(this IServiceCollection services, AwsConnectionSettings settings)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(settings);
        settings.Validate();

        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(settings);
        services.TryAddSingleton(sp => AwsEvidence.Create(
            sp.GetRequiredService<AwsConnectionSettings>(),
            sp.GetRequiredService<TimeProvider>(),
            loggerFactory: sp.GetService<ILoggerFactory>()));
        services.TryAddSingleton<ILoadBalancingEvidence>(sp => sp.GetRequiredService<AwsEvidenceSet>().LoadBalancing);
        services.TryAddSingleton<IMetricsEvidence>(sp => sp.GetRequiredService<AwsEvidenceSet>().Metrics);
        services.TryAddSingleton<INetworkEvidence>(sp => sp.GetRequiredService<AwsEvidenceSet>().Network);
        services.TryAddSingleton<IInstanceManagementEvidence>(sp => sp.GetRequiredService<AwsEvidenceSet>().InstanceManagement);
        services.TryAddSingleton<INameResolver>(sp => sp.GetRequiredService<AwsEvidenceSet>().NameResolver);
        return services;
    }
}
