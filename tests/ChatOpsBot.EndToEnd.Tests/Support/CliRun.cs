using System.Text.Json;
using ChatOpsBot.Cli;

namespace ChatOpsBot.EndToEnd.Tests.Support;

/// <summary>Runs the CLI in-process (the simulator still answers over loopback HTTP) and captures its streams.</summary>
internal sealed record CliRun(int ExitCode, string Stdout, string Stderr)
{
    public static async Task<CliRun> RunAsync(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var code = await CliApp.RunAsync(args, new Terminal(output, error, color: false), TimeProvider.System, timeout.Token);
        return new CliRun(code, output.ToString(), error.ToString());
    }

    public JsonElement Json => JsonDocument.Parse(Stdout).RootElement;
}
