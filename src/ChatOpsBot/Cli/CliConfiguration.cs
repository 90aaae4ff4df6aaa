namespace ChatOpsBot.Cli;

/// <summary>The configuration the one-shot verbs read: appsettings.json beside the executable, then environment
/// variables (<c>Section__Key</c>), then settings passed in by a caller (tests).</summary>
internal static class CliConfiguration
{
    public static IConfiguration Load(IReadOnlyDictionary<string, string?>? settings = null) =>
        new ConfigurationBuilder()
            .SetBasePath(AppContext.BaseDirectory)
            .AddJsonFile("appsettings.json", optional: true)
            .AddEnvironmentVariables()
            .AddInMemoryCollection(settings ?? new Dictionary<string, string?>())
            .Build();
}
