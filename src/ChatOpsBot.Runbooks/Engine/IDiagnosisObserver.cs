namespace ChatOpsBot.Runbooks.Engine;

/// <summary>Told after every runbook step, so a terminal can print progress and a chat message can be edited live.</summary>
public interface IDiagnosisObserver
{
    ValueTask OnProgressAsync(DiagnosisProgress progress, CancellationToken cancellationToken);
}
