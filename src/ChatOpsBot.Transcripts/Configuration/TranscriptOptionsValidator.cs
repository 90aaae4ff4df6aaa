using Microsoft.Extensions.Options;

namespace ChatOpsBot.Transcripts.Configuration;

/// <summary>Start-up checks with sentences that name the setting (and never echo the connection string).</summary>
internal sealed class TranscriptOptionsValidator : IValidateOptions<TranscriptOptions>
{
    public ValidateOptionsResult Validate(string? name, TranscriptOptions options)
    {
        var failures = new List<string>();
        var provider = options.Provider?.Trim();
        if (!string.Equals(provider, TranscriptOptions.SqliteProvider, StringComparison.OrdinalIgnoreCase)
            && !string.Equals(provider, TranscriptOptions.PostgresProvider, StringComparison.OrdinalIgnoreCase))
        {
            failures.Add($"Transcripts:Provider must be 'sqlite' or 'postgres' (it is '{provider}').");
        }

        if (options.IsPostgres && string.IsNullOrWhiteSpace(options.PostgresConnectionString))
        {
            failures.Add("Transcripts:PostgresConnectionString is required when Transcripts:Provider is 'postgres': set it (for example as the environment variable Transcripts__PostgresConnectionString) to an Npgsql connection string.");
        }

        if (!options.IsPostgres && string.IsNullOrWhiteSpace(options.SqlitePath))
        {
            failures.Add("Transcripts:SqlitePath must name the SQLite file (or be left unset for the default under ~/.local/share/chatopsbot).");
        }

        if (options.RetentionDays is < 1 or > 3650)
        {
            failures.Add($"Transcripts:RetentionDays must be between 1 and 3650 (it is {options.RetentionDays}).");
        }

        if (options.RetentionInterval < TimeSpan.FromMinutes(1) || options.RetentionInterval > TimeSpan.FromDays(7))
        {
            failures.Add($"Transcripts:RetentionInterval must be between 00:01:00 and 7.00:00:00 (it is {options.RetentionInterval}).");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
