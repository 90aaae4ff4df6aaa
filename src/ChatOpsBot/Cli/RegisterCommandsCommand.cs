using ChatOpsBot.Aws.Configuration;
using ChatOpsBot.Discord;
using ChatOpsBot.Discord.Commands;
using ChatOpsBot.Discord.Rest;
using Microsoft.Extensions.Options;

namespace ChatOpsBot.Cli;

/// <summary><c>register-commands [--guild ID]</c>: installs /diagnose in one guild (immediate, for testing) or globally.</summary>
internal sealed class RegisterCommandsCommand(Terminal terminal)
{
    public async Task<int> RunAsync(IReadOnlyList<string> args, IReadOnlyDictionary<string, string?>? settings, CancellationToken cancellationToken)
    {
        string? guild = null;
        for (var i = 0; i < args.Count; i++)
        {
            if (args[i] == "--guild" && i + 1 < args.Count)
            {
                guild = args[++i];
            }
            else
            {
                await terminal.Error.WriteLineAsync("Usage: register-commands [--guild GUILD_ID]   (without --guild: global commands, which can take up to an hour to appear)");
                return ExitCodes.BadInput;
            }
        }

        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { ContentRootPath = AppContext.BaseDirectory, Args = [] });
        if (settings is not null)
        {
            builder.Configuration.AddInMemoryCollection(settings);
        }

        bool accountOption;
        try
        {
            // The account option is offered only when there are accounts to choose from.
            accountOption = AwsAccountsConfiguration.Apply(new AwsConnectionSettings(), builder.Configuration).Accounts.Count > 0;
        }
        catch (ArgumentException e)
        {
            await terminal.Error.WriteLineAsync($"AWS is not configured: {e.Message}");
            return ExitCodes.BadInput;
        }

        builder.Services.AddDiscordRest(builder.Configuration);
        using var host = builder.Build();
        try
        {
            _ = host.Services.GetRequiredService<IOptions<ChatOpsBot.Discord.Configuration.DiscordOptions>>().Value;
            await host.StartAsync(cancellationToken);
        }
        catch (OptionsValidationException e)
        {
            await terminal.Error.WriteLineAsync("The bot is not configured:\n  - " + string.Join("\n  - ", ConfigurationErrors.Sentences(e)));
            return ExitCodes.BadInput;
        }

        try
        {
            var registrar = new CommandRegistrar(host.Services.GetRequiredService<IDiscordRestClient>(), accountOption);
            var count = await registrar.RegisterAsync(guild, cancellationToken);
            await terminal.Out.WriteLineAsync(guild is null
                ? $"Registered {count} global command(s); they can take up to an hour to appear everywhere."
                : $"Registered {count} command(s) in guild {guild}; they are usable now.");
            return ExitCodes.Diagnosed;
        }
        catch (DiscordApiException e)
        {
            await terminal.Error.WriteLineAsync($"Discord refused the registration ({e.Status}): {e.Message}");
            return e.Status is 401 or 403 ? ExitCodes.AwsAccess : ExitCodes.Failure;
        }
        finally
        {
            await host.StopAsync(CancellationToken.None);
        }
    }
}
