using ChatOpsBot.Runbooks.Sessions;
using ChatOpsBot.Transcripts.Configuration;
using ChatOpsBot.Transcripts.Postgres;
using ChatOpsBot.Transcripts.Sqlite;

namespace ChatOpsBot.Transcripts;

/// <summary>Builds the configured store, with or without a DI container (the CLI uses it directly). The store
/// migrates its schema lazily on first use.</summary>
public static class TranscriptStoreFactory
{
    /// <exception cref="ArgumentException">The options are invalid (the message names the setting).</exception>
    public static ITranscriptStore Create(TranscriptOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var result = new TranscriptOptionsValidator().Validate(null, options);
        if (result.Failed)
        {
            throw new ArgumentException(result.FailureMessage, nameof(options));
        }

        return options.IsPostgres
            ? new PostgresTranscriptStore(options.PostgresConnectionString!)
            : new SqliteTranscriptStore(options.ResolvedSqlitePath(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile)));
    }
}
