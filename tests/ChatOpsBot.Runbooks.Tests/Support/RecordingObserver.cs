using ChatOpsBot.Runbooks.Engine;

namespace ChatOpsBot.Runbooks.Tests.Support;

/// <summary>Keeps every progress snapshot the runbook reports.</summary>
internal sealed class RecordingObserver : IDiagnosisObserver
{
    public List<DiagnosisProgress> Seen { get; } = [];

    public ValueTask OnProgressAsync(DiagnosisProgress progress, CancellationToken cancellationToken)
    {
        Seen.Add(progress);
        return ValueTask.CompletedTask;
    }
}
