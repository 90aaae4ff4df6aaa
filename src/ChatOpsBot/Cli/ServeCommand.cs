using ChatOpsBot.Aws.Configuration;
using ChatOpsBot.Hosting;
using ChatOpsBot.Simulation;
using Microsoft.Extensions.Options;

namespace ChatOpsBot.Cli;

/// <summary><c>serve [--simulate [SCENARIO]] [--urls URL] [--region R] [--profile P]</c>: runs the Discord bot.</summary>
internal sealed class ServeCommand(Terminal terminal)
{
    public const string Usage = """
        Usage: serve [options]

          --urls URL            where to listen (default http://0.0.0.0:8080, or the Urls setting)
          --region R            default AWS region for /diagnose without region:
          --profile P           named AWS profile
          --simulate [NAME]     answer from the built-in simulated AWS instead of a real account
          --log-format json|text  log lines as JSON objects (with SessionId etc.) or plain text (default: the
                                Logging__Format setting, else text on a terminal and json otherwise)

        Endpoints on the same port: /interactions, /healthz (process up), /readyz (ready to serve), /metrics
        (Prometheus). On SIGTERM it stops taking interactions and lets diagnoses finish for Shutdown__GracePeriod.

        Several AWS accounts: Aws__Accounts__<alias>__RoleArn (and __ExternalId, __Region, __DurationSeconds),
        optionally Aws__DefaultAccount; see README "Several accounts".

        Discord settings (environment variables, or appsettings.json): Discord__ApplicationId, Discord__PublicKey,
        Discord__BotToken, optionally Discord__ApiBaseUrl and Discord__Access__Guilds__0 / __Channels__0 / __Roles__0.
        The "Check on instances" button (SSM, read-only): InstanceProbe__Enabled=true and InstanceProbe__Roles__0,
        optionally InstanceProbe__ServiceName, __LogPath, __DependencyHosts__0, __MaxInstances, __Timeout.
        """;

    public async Task<int> RunAsync(IReadOnlyList<string> args, CancellationToken cancellationToken)
    {
        string? urls = null, region = null, profile = null, scenario = null, logFormat = null;
        var simulate = false;
        for (var i = 0; i < args.Count; i++)
        {
            string? Next() => i + 1 < args.Count && !args[i + 1].StartsWith("--", StringComparison.Ordinal) ? args[++i] : null;
            switch (args[i])
            {
                case "--urls": urls = Next(); break;
                case "--region": region = Next(); break;
                case "--profile": profile = Next(); break;
                case "--simulate": simulate = true; scenario = Next(); break;
                case "--log-format":
                    logFormat = Next();
                    if (logFormat is not ("json" or "text"))
                    {
                        await terminal.Error.WriteLineAsync($"--log-format takes json or text, not '{logFormat}'.\n{Usage}");
                        return ExitCodes.BadInput;
                    }

                    break;
                default:
                    await terminal.Error.WriteLineAsync($"Unknown option {args[i]}.\n{Usage}");
                    return ExitCodes.BadInput;
            }
        }

        SimulatedEnvironment? simulated = null;
        try
        {
            AwsConnectionSettings aws;
            if (simulate)
            {
                simulated = await SimulatedEnvironment.StartAsync(scenario, null, cancellationToken);
                await terminal.Error.WriteLineAsync($"Simulated AWS: scenario '{simulated.Aws.Scenario.Name}' (region {simulated.Aws.Region}); no real AWS account is used.");
                aws = simulated.Settings;
            }
            else
            {
                aws = new AwsConnectionSettings { Region = region, Profile = profile };
            }

            var settings = logFormat is null ? null : new Dictionary<string, string?> { [BotHost.LogFormatSetting] = logFormat };
            await using var app = BotHost.Build(aws, settings, urls, defaultLogFormat: terminal.Interactive ? "text" : "json");
            try
            {
                // Validate before starting, so a missing setting is one sentence, not a host stack trace.
                _ = app.Services.GetRequiredService<IOptions<ChatOpsBot.Discord.Configuration.DiscordOptions>>().Value;
                var evidence = app.Services.GetRequiredService<ChatOpsBot.Runbooks.Engine.IEvidenceSourcesProvider>();
                await app.StartAsync(cancellationToken);
                if (evidence.Accounts.Count > 0)
                {
                    await terminal.Error.WriteLineAsync(
                        $"Accounts: {string.Join(", ", evidence.Accounts)}; without account: {(evidence.DefaultAccount is { } d ? d : "the bot's own credentials")}.");
                }
            }
            catch (OptionsValidationException e)
            {
                await terminal.Error.WriteLineAsync("The bot is not configured:");
                foreach (var sentence in ConfigurationErrors.Sentences(e))
                {
                    await terminal.Error.WriteLineAsync("  - " + sentence);
                }

                return ExitCodes.BadInput;
            }
            catch (ArgumentException e)
            {
                await terminal.Error.WriteLineAsync($"AWS is not configured: {e.Message}");
                return ExitCodes.AwsAccess;
            }

            await terminal.Error.WriteLineAsync($"Listening on {string.Join(", ", app.Urls)}; interactions endpoint: /interactions; /healthz, /readyz, /metrics. Ctrl+C stops.");
            await app.WaitForShutdownAsync(cancellationToken);
            return ExitCodes.Diagnosed;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return ExitCodes.Diagnosed;
        }
        finally
        {
            if (simulated is not null)
            {
                await simulated.DisposeAsync();
            }
        }
    }
}
