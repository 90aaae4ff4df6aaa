using ChatOpsBot.Simulator.Scenarios;

namespace ChatOpsBot.Cli;

/// <summary>Routes the command line to a verb.</summary>
public static class CliApp
{
    public const string Help = """
        chatopsbot: diagnose production incidents from a terminal or a chat channel.

        Commands:
          diagnose 503 <lb-name-or-arn> [options]   find why a load balancer answers 503 (see `diagnose --help`)
          serve [--simulate [NAME]] [--urls URL]     run the Discord bot (interactions endpoint at /interactions)
          register-commands [--guild ID]            install /diagnose in a guild (immediate) or globally
          transcript list|show|export               review stored sessions (see `transcript --help`)
          scenarios                                 list the simulated-AWS scenarios for --simulate
          help                                      this text

        Exit codes: 0 diagnosed, 1 unexpected failure, 2 bad input, 3 AWS access problem, 4 unsupported load balancer type.
        """;

    /// <param name="configuration">Settings over appsettings.json and the environment (tests point the transcript store
    /// at a temporary file with them).</param>
    public static async Task<int> RunAsync(IReadOnlyList<string> args, Terminal terminal, TimeProvider time, CancellationToken cancellationToken, IReadOnlyDictionary<string, string?>? configuration = null)
    {
        if (args.Count == 0 || args[0] is "help" or "--help" or "-h")
        {
            await terminal.Out.WriteLineAsync(Help);
            return args.Count == 0 ? ExitCodes.BadInput : ExitCodes.Diagnosed;
        }

        var rest = args.Skip(1).ToArray();
        switch (args[0])
        {
            case "diagnose":
                if (rest.Contains("--help") || rest.Contains("-h"))
                {
                    await terminal.Out.WriteLineAsync(DiagnoseOptions.Usage);
                    return ExitCodes.Diagnosed;
                }

                var options = DiagnoseOptions.Parse(rest, out var error);
                if (options is null)
                {
                    await terminal.Error.WriteLineAsync(error);
                    await terminal.Error.WriteLineAsync(DiagnoseOptions.Usage);
                    return ExitCodes.BadInput;
                }

                return await new DiagnoseCommand(terminal, time, configuration).RunAsync(options, cancellationToken);
            case "serve":
                if (rest.Contains("--help"))
                {
                    await terminal.Out.WriteLineAsync(ServeCommand.Usage);
                    return ExitCodes.Diagnosed;
                }

                return await new ServeCommand(terminal).RunAsync(rest, cancellationToken);
            case "register-commands":
                return await new RegisterCommandsCommand(terminal).RunAsync(rest, null, cancellationToken);
            case "transcript":
                return await new TranscriptCommand(terminal).RunAsync(rest, configuration, cancellationToken);
            case "scenarios":
                foreach (var name in ScenarioCatalog.Names)
                {
                    var scenario = ScenarioCatalog.Load(name);
                    var description = scenario.Description ?? string.Empty;
                    var firstSentence = description.IndexOf(". ", StringComparison.Ordinal) is var dot and > 0 ? description[..(dot + 1)] : description;
                    await terminal.Out.WriteLineAsync($"{name,-30} {(firstSentence.Length > 110 ? firstSentence[..107] + "..." : firstSentence)}");
                }

                return ExitCodes.Diagnosed;
            default:
                await terminal.Error.WriteLineAsync($"Unknown command '{args[0]}'.");
                await terminal.Error.WriteLineAsync(Help);
                return ExitCodes.BadInput;
        }
    }
}
