namespace ChatOpsBot.Runbooks.Evidence;

/// <summary>One request sent to a provider (each page and each retry's final outcome counts once per attempt group).</summary>
/// <param name="Attempts">How many HTTP attempts the call took (1 when it was not retried).</param>
/// <param name="Outcome"><c>ok</c>, or the error code it ended with.</param>
public sealed record EvidenceCall(
    string Service,
    string Operation,
    DateTimeOffset Started,
    TimeSpan Duration,
    int Attempts,
    string Outcome);
