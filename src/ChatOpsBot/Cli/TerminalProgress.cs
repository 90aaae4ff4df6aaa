using System.Globalization;
using ChatOpsBot.Runbooks.Engine;

namespace ChatOpsBot.Cli;

/// <summary>Prints one line per runbook step on stderr while the diagnosis runs.</summary>
internal sealed class TerminalProgress(TextWriter error) : IDiagnosisObserver
{
    public async ValueTask OnProgressAsync(DiagnosisProgress progress, CancellationToken cancellationToken)
    {
        if (progress.Finished)
        {
            return;
        }

        var detail = progress.Detail is { Length: > 0 } d ? $" — {d}" : string.Empty;
        await error.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"[{progress.Elapsed.TotalSeconds,6:0.00}s] {progress.Title}{detail}").AsMemory(), cancellationToken);
    }
}
