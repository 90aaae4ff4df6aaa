using System.Globalization;
using ChatOpsBot.Runbooks.Sessions;
using ChatOpsBot.Runbooks.Sessions.Export;
using ChatOpsBot.Transcripts;
using ChatOpsBot.Transcripts.Configuration;

namespace ChatOpsBot.Cli;

/// <summary><c>transcript list|show|export</c>: post-incident review of stored sessions.</summary>
internal sealed class TranscriptCommand(Terminal terminal)
{
    public const string Usage = """
        Usage:
          transcript list [--since 7d] [--lb NAME] [--limit 50]
          transcript show <session-id>
          transcript export <session-id> [--format md|json] [--out FILE]

        The store is the bot's (Transcripts__Provider=sqlite|postgres, Transcripts__SqlitePath,
        Transcripts__PostgresConnectionString, or appsettings.json); --db PATH reads a SQLite file directly.
        """;

    public async Task<int> RunAsync(IReadOnlyList<string> args, IReadOnlyDictionary<string, string?>? settings, CancellationToken cancellationToken)
    {
        if (args.Count == 0 || args[0] is "--help" or "-h")
        {
            await terminal.Out.WriteLineAsync(Usage);
            return args.Count == 0 ? ExitCodes.BadInput : ExitCodes.Diagnosed;
        }

        var verb = args[0];
        var positional = new List<string>();
        string? since = null, lb = null, format = "md", outFile = null, db = null;
        var limit = 50;
        for (var i = 1; i < args.Count; i++)
        {
            string Next() => i + 1 < args.Count ? args[++i] : string.Empty;
            switch (args[i])
            {
                case "--since": since = Next(); break;
                case "--lb": lb = Next(); break;
                case "--limit": limit = int.TryParse(Next(), NumberStyles.None, CultureInfo.InvariantCulture, out var l) && l > 0 ? l : -1; break;
                case "--format": format = Next(); break;
                case "--out": outFile = Next(); break;
                case "--db": db = Next(); break;
                default: positional.Add(args[i]); break;
            }
        }

        if (limit < 0 || format is not ("md" or "json") || (since is not null && DiagnoseOptions.ParseDuration(since) is null))
        {
            await terminal.Error.WriteLineAsync("Check --limit (a positive number), --format (md or json) and --since (for example 7d or 12h).\n" + Usage);
            return ExitCodes.BadInput;
        }

        ITranscriptStore store;
        try
        {
            store = TranscriptStoreFactory.Create(Options(settings, db));
        }
        catch (ArgumentException e)
        {
            await terminal.Error.WriteLineAsync($"The transcript store is not configured: {e.Message}");
            return ExitCodes.BadInput;
        }

        try
        {
            switch (verb)
            {
                case "list":
                    var cutoff = since is null ? (DateTimeOffset?)null : TimeProvider.System.GetUtcNow() - DiagnoseOptions.ParseDuration(since)!.Value;
                    var sessions = await store.ListSessionsAsync(cutoff, lb, limit, cancellationToken);
                    if (sessions.Count == 0)
                    {
                        await terminal.Error.WriteLineAsync("No sessions match.");
                        return ExitCodes.Diagnosed;
                    }

                    await terminal.Out.WriteLineAsync($"{"session",-12} {"started (UTC)",-19} {"status",-11} {"root cause",-26} {"load balancer",-24} started by");
                    foreach (var s in sessions)
                    {
                        await terminal.Out.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"{s.Id,-12} {s.CreatedAt.UtcDateTime:yyyy-MM-dd HH:mm:ss} {s.Status.ToString().ToLowerInvariant(),-11} {s.RootCause ?? "-",-26} {s.LoadBalancer,-24} {s.StartedByName}{(s.ResolvedBy is { } r ? $" (resolved by {r})" : string.Empty)}"));
                    }

                    return ExitCodes.Diagnosed;
                case "show" or "export" when positional.Count == 1:
                    var record = await store.GetSessionAsync(positional[0], cancellationToken);
                    if (record is null)
                    {
                        await terminal.Error.WriteLineAsync($"No session {positional[0]} in the store. `transcript list` shows the recent ones.");
                        return ExitCodes.BadInput;
                    }

                    var entries = await store.GetEntriesAsync(record.Id, cancellationToken);
                    var text = verb == "export" && format == "json" ? TranscriptJson.Write(record, entries) + "\n" : TranscriptMarkdown.Write(record, entries);
                    if (outFile is not null)
                    {
                        await File.WriteAllTextAsync(outFile, text, cancellationToken);
                        await terminal.Error.WriteLineAsync($"Wrote {outFile}.");
                    }
                    else
                    {
                        await terminal.Out.WriteAsync(text);
                    }

                    return ExitCodes.Diagnosed;
                default:
                    await terminal.Error.WriteLineAsync(Usage);
                    return ExitCodes.BadInput;
            }
        }
        finally
        {
            if (store is IAsyncDisposable disposable)
            {
                await disposable.DisposeAsync();
            }
        }
    }

    private static TranscriptOptions Options(IReadOnlyDictionary<string, string?>? settings, string? db)
    {
        var configuration = new ConfigurationBuilder()
            .SetBasePath(AppContext.BaseDirectory)
            .AddJsonFile("appsettings.json", optional: true)
            .AddEnvironmentVariables()
            .AddInMemoryCollection(settings ?? new Dictionary<string, string?>())
            .Build();
        var options = new TranscriptOptions();
        configuration.GetSection(TranscriptOptions.Section).Bind(options);
        if (db is not null)
        {
            options.Provider = "sqlite";
            options.SqlitePath = db;
        }

        return options;
    }
}
