using System.Globalization;
using ChatOpsBot.Runbooks.Charts;
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
          transcript export <session-id> [--format md|json] [--out FILE|DIR]

        export --format md --out writes the Markdown and, when the session has charts, their PNGs in
        <name>-charts/ next to it, linked from a "Charts" section (--out DIR writes DIR/<session-id>.md).
        Without --out the Markdown goes to standard output and only names the charts.

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
            store = TranscriptStoreFactory.Create(StoreOptions(CliConfiguration.Load(settings), db));
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

                    await terminal.Out.WriteLineAsync($"{"session",-12} {"started (UTC)",-19} {"source",-7} {"status",-11} {"root cause",-26} {"load balancer",-24} started by");
                    foreach (var s in sessions)
                    {
                        await terminal.Out.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"{s.Id,-12} {s.CreatedAt.UtcDateTime:yyyy-MM-dd HH:mm:ss} {s.Source,-7} {s.Status.ToString().ToLowerInvariant(),-11} {s.RootCause ?? "-",-26} {s.LoadBalancer,-24} {s.StartedByName}{(s.ResolvedBy is { } r ? $" (resolved by {r})" : string.Empty)}"));
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
                    if (verb == "export" && format == "json")
                    {
                        await WriteAsync(TranscriptJson.Write(record, entries) + "\n", outFile, cancellationToken);
                    }
                    else if (verb == "export" && outFile is not null)
                    {
                        return await ExportMarkdownAsync(record, entries, await store.GetChartsAsync(record.Id, cancellationToken), outFile, cancellationToken);
                    }
                    else
                    {
                        var charts = await store.GetChartsAsync(record.Id, cancellationToken);
                        await WriteAsync(TranscriptMarkdown.Write(record, entries, TranscriptMarkdown.NamedCharts(charts)), outFile, cancellationToken);
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

    private async Task WriteAsync(string text, string? outFile, CancellationToken cancellationToken)
    {
        if (outFile is not null)
        {
            await File.WriteAllTextAsync(outFile, text, cancellationToken);
            await terminal.Error.WriteLineAsync($"Wrote {outFile}.");
        }
        else
        {
            await terminal.Out.WriteAsync(text);
        }
    }

    /// <summary>
    /// <c>--out</c> names a file, or an existing directory (or one ending in a separator) to write
    /// <c>&lt;session-id&gt;.md</c> into. The charts go to <c>&lt;name&gt;-charts/&lt;chart&gt;.png</c> beside it, linked
    /// relatively so the folder can be moved or zipped as a whole.
    /// </summary>
    private async Task<int> ExportMarkdownAsync(SessionRecord record, IReadOnlyList<TranscriptEntry> entries, IReadOnlyList<ChartSpec> charts, string outFile, CancellationToken cancellationToken)
    {
        var path = Directory.Exists(outFile) || outFile.EndsWith(Path.DirectorySeparatorChar) || outFile.EndsWith(Path.AltDirectorySeparatorChar)
            ? Path.Combine(outFile, record.Id + ".md")
            : outFile;
        var folder = Path.GetDirectoryName(Path.GetFullPath(path))!;
        var chartsFolderName = Path.GetFileNameWithoutExtension(path) + "-charts";
        try
        {
            Directory.CreateDirectory(folder);
            if (charts.Count > 0)
            {
                var chartsFolder = Path.Combine(folder, chartsFolderName);
                Directory.CreateDirectory(chartsFolder);
                await ChartFiles.WriteAsync(charts, chartsFolder, cancellationToken);
            }

            await File.WriteAllTextAsync(path, TranscriptMarkdown.Write(record, entries, TranscriptMarkdown.ChartsIn(chartsFolderName, charts)), cancellationToken);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            await terminal.Error.WriteLineAsync($"--out: cannot write '{path}': {e.Message}");
            return ExitCodes.BadInput;
        }

        await terminal.Error.WriteLineAsync(charts.Count > 0
            ? $"Wrote {path} and {charts.Count} chart{(charts.Count == 1 ? string.Empty : "s")} in {Path.Combine(folder, chartsFolderName)}."
            : $"Wrote {path}.");
        return ExitCodes.Diagnosed;
    }

    /// <summary>The store the CLI reads and writes: the bot's Transcripts settings, or the SQLite file <paramref name="db"/>.</summary>
    internal static TranscriptOptions StoreOptions(IConfiguration configuration, string? db)
    {
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
