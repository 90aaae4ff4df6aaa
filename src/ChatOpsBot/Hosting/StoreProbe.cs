using ChatOpsBot.Runbooks.Sessions;
using ChatOpsBot.Transcripts.Configuration;
using Microsoft.Extensions.Options;

namespace ChatOpsBot.Hosting;

/// <summary>
/// Asks the transcript store one cheap question (a primary-key lookup) with a short timeout. The store migrates its
/// schema on first use and retries that until it succeeds, so the first successful probe also readies the schema.
/// Messages name the database, never the connection string's password.
/// </summary>
internal sealed class StoreProbe(ITranscriptStore store, IOptions<TranscriptOptions> transcripts, IOptions<ReadinessOptions> readiness)
{
    private const string ProbeSessionId = "readiness-probe";

    public async Task<ReadinessCheck> CheckAsync(CancellationToken cancellationToken)
    {
        var options = transcripts.Value;
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(readiness.Value.StoreTimeout);
        try
        {
            await store.GetSessionAsync(ProbeSessionId, timeout.Token);
            return new ReadinessCheck("transcript-store", true);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            var what = e is OperationCanceledException
                ? $"no answer within {readiness.Value.StoreTimeout.TotalSeconds:0.#} s"
                : Describe(e);
            return options.IsPostgres
                ? new ReadinessCheck(
                    "transcript-store",
                    false,
                    $"{options.Describe()} is unreachable: {options.Redact(what)}",
                    "Start the database or fix Transcripts:PostgresConnectionString (host, port, database, user, password); the bot becomes ready as soon as a query succeeds.")
                : new ReadinessCheck(
                    "transcript-store",
                    false,
                    $"{options.Describe()} cannot be used: {what}",
                    "Fix Transcripts:SqlitePath: its directory must exist or be creatable and be writable by the bot's user.");
        }
    }

    internal static string Describe(Exception e)
    {
        var text = $"{e.GetType().Name}: {e.Message}";
        return e.InnerException is { } inner && !e.Message.Contains(inner.Message, StringComparison.Ordinal)
            ? $"{text} ({inner.Message})"
            : text;
    }
}
