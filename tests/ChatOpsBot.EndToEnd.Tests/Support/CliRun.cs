using System.Text.Json;
using ChatOpsBot.Cli;

namespace ChatOpsBot.EndToEnd.Tests.Support;

/// <summary>Runs the CLI in-process (the simulator still answers over loopback HTTP) and captures its streams.
/// <c>diagnose</c> records its session: unless the arguments name a store (<c>--db</c>), each run gets a throw-away
/// SQLite file, so no test writes to the real ~/.local/share.</summary>
internal sealed record CliRun(int ExitCode, string Stdout, string Stderr)
{
    public static async Task<CliRun> RunAsync(params string[] args)
    {
        var store = Directory.CreateTempSubdirectory("chatopsbot-cli-store-");
        try
        {
            var settings = new Dictionary<string, string?> { ["Transcripts:Provider"] = "sqlite", ["Transcripts:SqlitePath"] = Path.Combine(store.FullName, "transcripts.db") };
            return await RunAsync(settings, CancellationToken.None, args);
        }
        finally
        {
            store.Delete(recursive: true);
        }
    }

    /// <summary>Runs with <paramref name="settings"/> over the configuration, cancelled by <paramref name="cancellationToken"/>
    /// (Ctrl+C) or after 60 s.</summary>
    public static async Task<CliRun> RunAsync(IReadOnlyDictionary<string, string?> settings, CancellationToken cancellationToken, params string[] args) =>
        await RunAsync(settings, new StringWriter(), cancellationToken, args);

    /// <summary>As above, with progress and errors written to <paramref name="error"/> (a test can react to them).</summary>
    public static async Task<CliRun> RunAsync(IReadOnlyDictionary<string, string?> settings, StringWriter error, CancellationToken cancellationToken, params string[] args)
    {
        var output = new StringWriter();
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(60));
        var code = await CliApp.RunAsync(args, new Terminal(output, error, color: false), TimeProvider.System, timeout.Token, settings);
        return new CliRun(code, output.ToString(), error.ToString());
    }

    public JsonElement Json => JsonDocument.Parse(Stdout).RootElement;
}
