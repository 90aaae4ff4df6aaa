using System.Text.Json;
using System.Text.RegularExpressions;
using ChatOpsBot.Cli;
using ChatOpsBot.EndToEnd.Tests.Support;
using Npgsql;

namespace ChatOpsBot.EndToEnd.Tests.Cli;

/// <summary>
/// A terminal diagnosis is kept as a transcript (real SQLite files, PostgreSQL when CHATOPSBOT_TEST_POSTGRES is set),
/// read back through <c>transcript list|show|export</c> as someone doing the post-incident review would.
/// </summary>
public sealed partial class DiagnoseRecordingCliTests : IDisposable
{
    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("chatopsbot-clirec-");

    private string Db => Path.Combine(_directory.FullName, "transcripts.db");

    [Fact]
    public async Task Diagnose_Simulated_IsRecorded_AndTranscriptShowsTransitionsOutcomeFixAndCharts()
    {
        var run = await CliRun.RunAsync("diagnose", "503", "demo-alb", "--simulate", "--output", "json", "--db", Db);

        Assert.True(run.ExitCode == 0, run.Stderr);
        Assert.Equal("network-blocked", run.Json.GetProperty("rootCause").GetString());
        var id = RecordedId(run.Stderr);
        Assert.EndsWith($"Recorded as session {id}: chatopsbot transcript show {id}\n", run.Stderr, StringComparison.Ordinal);

        var list = await CliRun.RunAsync("transcript", "list", "--db", Db);
        var row = Assert.Single(list.Stdout.Split('\n'), l => l.StartsWith(id, StringComparison.Ordinal));
        Assert.Matches($@"^{id} +\S+ \S+ cli +finished +network-blocked +demo-alb +{Regex.Escape(Environment.UserName)}$", row);

        var show = await CliRun.RunAsync("transcript", "show", id, "--db", Db);
        Assert.Equal(0, show.ExitCode);
        Assert.Contains($"- **Started by:** {Environment.UserName} from the terminal", show.Stdout, StringComparison.Ordinal);
        Assert.Contains("- **Root cause:** `network-blocked`", show.Stdout, StringComparison.Ordinal);
        Assert.Contains("aws ec2 authorize-security-group-ingress", show.Stdout, StringComparison.Ordinal);
        Assert.Contains("against the simulated AWS (scenario '", show.Stdout, StringComparison.Ordinal);
        Assert.Contains("this is not a production incident", show.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("Acknowledged:", show.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("Resolved:", show.Stdout, StringComparison.Ordinal);
        Assert.Contains("## Charts", show.Stdout, StringComparison.Ordinal);

        var export = await CliRun.RunAsync("transcript", "export", id, "--format", "json", "--db", Db);
        using var json = JsonDocument.Parse(export.Stdout);
        var session = json.RootElement.GetProperty("session");
        Assert.Equal("cli", session.GetProperty("source").GetString());
        Assert.Equal("finished", session.GetProperty("status").GetString());
        Assert.Equal(Environment.UserName, session.GetProperty("startedByName").GetString());
        Assert.Equal(JsonValueKind.Null, session.GetProperty("guildId").ValueKind);
        Assert.Equal(60, session.GetProperty("windowMinutes").GetInt32());
        Assert.Equal("network-blocked", session.GetProperty("rootCause").GetString());
        Assert.Equal(run.Json.GetProperty("headline").GetString(), session.GetProperty("report").GetProperty("headline").GetString());
        var entries = json.RootElement.GetProperty("entries").EnumerateArray().ToList();
        Assert.Equal("started", entries[0].GetProperty("kind").GetString());
        var transitions = entries.Where(e => e.GetProperty("kind").GetString() == "transition").ToList();
        Assert.True(transitions.Count >= 5, $"{transitions.Count} transitions recorded");
        Assert.All(transitions, t => Assert.Equal("runbook", t.GetProperty("actor").GetString()));

        // The stderr progress lines and the recorded transitions are the same steps, in the same order.
        var progress = run.Stderr.Split('\n').Where(l => l.StartsWith('[')).Select(l => l[(l.IndexOf(']', StringComparison.Ordinal) + 2)..]).ToList();
        var recorded = transitions.Select(t => t.GetProperty("text").GetString()!).ToList();
        Assert.InRange(recorded.Count, progress.Count, progress.Count + 1); // + the final "finished" step, not printed
        Assert.All(progress.Zip(recorded), p => Assert.Contains($": {p.First.Split(" — ")[0]}", p.Second, StringComparison.Ordinal));

        var outcome = Assert.Single(entries, e => e.GetProperty("kind").GetString() == "outcome");
        Assert.Equal("network-blocked", outcome.GetProperty("data").GetProperty("rootCause").GetString());
        var calls = Assert.Single(entries, e => e.GetProperty("kind").GetString() == "awsCalls");
        Assert.True(calls.GetProperty("data").GetProperty("byAction").GetProperty("elasticloadbalancing:DescribeLoadBalancers").GetInt32() >= 1);

        var markdownDir = Path.Combine(_directory.FullName, "review") + Path.DirectorySeparatorChar;
        var written = await CliRun.RunAsync("transcript", "export", id, "--format", "md", "--out", markdownDir, "--db", Db);
        Assert.True(written.ExitCode == 0, written.Stderr);
        Assert.NotEmpty(Directory.GetFiles(Path.Combine(markdownDir, $"{id}-charts"), "*.png"));
    }

    [Fact]
    public async Task Diagnose_NoRecord_StoresNothing_ButPrintsTheSameReport()
    {
        var recorded = await CliRun.RunAsync("diagnose", "503", "demo-alb", "--simulate", "--output", "json", "--db", Db);
        var unrecorded = await CliRun.RunAsync(
            new Dictionary<string, string?> { ["Transcripts:SqlitePath"] = Db },
            CancellationToken.None,
            "diagnose", "503", "demo-alb", "--simulate", "--output", "json", "--no-record");

        Assert.Equal(0, unrecorded.ExitCode);
        Assert.Equal(recorded.Json.GetProperty("rootCause").GetString(), unrecorded.Json.GetProperty("rootCause").GetString());
        Assert.DoesNotContain("Recorded as session", unrecorded.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("Transcript not kept", unrecorded.Stderr, StringComparison.Ordinal);
        var list = await CliRun.RunAsync("transcript", "list", "--db", Db);
        Assert.Single(list.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(1));
    }

    [Fact]
    public async Task Diagnose_ChildProcess_RecordsUnderXdgDataHome_AndNoRecordCreatesNoStore()
    {
        var data = Path.Combine(_directory.FullName, "data");
        var env = new Dictionary<string, string> { ["XDG_DATA_HOME"] = data };

        var skipped = await ChildProcess.RunAsync(env, "diagnose", "503", "demo-alb", "--simulate", "--no-record");
        Assert.True(skipped.ExitCode == 0, skipped.Stderr);
        Assert.False(Directory.Exists(data), "--no-record created the store");

        var run = await ChildProcess.RunAsync(env, "diagnose", "503", "demo-alb", "--simulate");
        Assert.True(run.ExitCode == 0, run.Stderr);
        var id = RecordedId(run.Stderr);
        var show = await CliRun.RunAsync("transcript", "show", id, "--db", Path.Combine(data, "chatopsbot", "transcripts.db"));
        Assert.Contains("- **Status:** Finished", show.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Diagnose_UnwritableStore_StillPrintsTheReport_WithOneWarning_AndTheSameExitCode()
    {
        // A regular file where the database's directory should be: no user, root included, can create it.
        var blocker = Path.Combine(_directory.FullName, "not-a-directory");
        await File.WriteAllTextAsync(blocker, "x");
        var unwritable = Path.Combine(blocker, "transcripts.db");

        var expected = await CliRun.RunAsync("diagnose", "503", "no-such-alb", "--simulate", "--output", "json", "--no-record");
        var run = await CliRun.RunAsync("diagnose", "503", "no-such-alb", "--simulate", "--output", "json", "--db", unwritable);

        Assert.Equal(ExitCodes.BadInput, expected.ExitCode);
        Assert.Equal(expected.ExitCode, run.ExitCode);
        Assert.Equal(expected.Json.GetProperty("outcome").GetString(), run.Json.GetProperty("outcome").GetString());
        Assert.Equal(expected.Json.GetProperty("headline").GetString(), run.Json.GetProperty("headline").GetString());
        var warning = Assert.Single(run.Stderr.Split('\n'), l => l.Contains("Transcript", StringComparison.Ordinal));
        Assert.StartsWith($"Transcript not kept: the SQLite file {unwritable} cannot be written (", warning, StringComparison.Ordinal);
        Assert.DoesNotContain("Recorded as session", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Diagnose_PostgresDown_WarnsWithoutThePassword_AndDiagnosesAnyway()
    {
        var settings = new Dictionary<string, string?>
        {
            ["Transcripts:Provider"] = "postgres",
            ["Transcripts:PostgresConnectionString"] = "Host=127.0.0.1;Port=1;Database=incidents;Username=bot;Password=hunter2-secret;Timeout=3",
        };

        var run = await CliRun.RunAsync(settings, CancellationToken.None, "diagnose", "503", "demo-alb", "--simulate", "--output", "json");

        Assert.True(run.ExitCode == 0, run.Stderr);
        Assert.Equal("network-blocked", run.Json.GetProperty("rootCause").GetString());
        var warning = Assert.Single(run.Stderr.Split('\n'), l => l.StartsWith("Transcript not kept", StringComparison.Ordinal));
        Assert.Contains("PostgreSQL (host 127.0.0.1, port 1, database incidents)", warning, StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2-secret", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Diagnose_StoreMisconfigured_NamesTheSetting_AndDiagnosesAnyway()
    {
        var settings = new Dictionary<string, string?> { ["Transcripts:Provider"] = "mysql" };

        var run = await CliRun.RunAsync(settings, CancellationToken.None, "diagnose", "503", "demo-alb", "--simulate", "--output", "json");

        Assert.True(run.ExitCode == 0, run.Stderr);
        Assert.Equal("network-blocked", run.Json.GetProperty("rootCause").GetString());
        Assert.Contains(
            "Transcript not kept: the transcript store is not configured: Transcripts:Provider must be 'sqlite' or 'postgres' (it is 'mysql').\n",
            run.Stderr,
            StringComparison.Ordinal);
    }

    [Fact]
    public async Task Diagnose_CtrlC_ExitsWith130_AndRecordsTheStepsSoFarAsInterrupted()
    {
        using var ctrlC = new CancellationTokenSource();
        var error = new CancelOnProgress(ctrlC);

        var run = await CliRun.RunAsync(new Dictionary<string, string?>(), error, ctrlC.Token, "diagnose", "503", "demo-alb", "--simulate", "--db", Db);

        Assert.Equal(ExitCodes.Cancelled, run.ExitCode);
        Assert.Contains("Interrupted.\n", run.Stderr, StringComparison.Ordinal);
        var id = RecordedId(run.Stderr);
        var export = await CliRun.RunAsync("transcript", "export", id, "--format", "json", "--db", Db);
        using var json = JsonDocument.Parse(export.Stdout);
        Assert.Equal("interrupted", json.RootElement.GetProperty("session").GetProperty("status").GetString());
        var entries = json.RootElement.GetProperty("entries").EnumerateArray().ToList();
        Assert.Contains(entries, e => e.GetProperty("kind").GetString() == "transition");
        Assert.DoesNotContain(entries, e => e.GetProperty("kind").GetString() == "outcome");
        Assert.StartsWith("interrupted: Ctrl+C", entries[^1].GetProperty("text").GetString(), StringComparison.Ordinal);
        var list = await CliRun.RunAsync("transcript", "list", "--db", Db);
        Assert.Matches($@"{id} +\S+ \S+ cli +interrupted ", list.Stdout);
    }

    [SkippableFact]
    public async Task Diagnose_RecordsInPostgres_AndTranscriptReadsItBack()
    {
        var server = Environment.GetEnvironmentVariable("CHATOPSBOT_TEST_POSTGRES");
        Skip.If(string.IsNullOrEmpty(server), "CHATOPSBOT_TEST_POSTGRES is not set (.ci/run starts a PostgreSQL).");
        var database = $"chatopsbot_clirec_{Guid.NewGuid():N}";
        await using (var admin = new NpgsqlConnection(server))
        {
            await admin.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE {database}", admin);
            await create.ExecuteNonQueryAsync();
        }

        try
        {
            var settings = new Dictionary<string, string?>
            {
                ["Transcripts:Provider"] = "postgres",
                ["Transcripts:PostgresConnectionString"] = new NpgsqlConnectionStringBuilder(server) { Database = database }.ConnectionString,
            };
            var run = await CliRun.RunAsync(settings, CancellationToken.None, "diagnose", "503", "demo-alb", "--simulate");
            Assert.True(run.ExitCode == 0, run.Stderr);
            var id = RecordedId(run.Stderr);

            var show = await CliRun.RunAsync(settings, CancellationToken.None, "transcript", "show", id);
            Assert.Equal(0, show.ExitCode);
            Assert.Contains("- **Root cause:** `network-blocked`", show.Stdout, StringComparison.Ordinal);
            Assert.Contains("| runbook | Transition: ", show.Stdout, StringComparison.Ordinal);
        }
        finally
        {
            NpgsqlConnection.ClearAllPools();
            await using var admin = new NpgsqlConnection(server);
            await admin.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {database} WITH (FORCE)", admin);
            await drop.ExecuteNonQueryAsync();
        }
    }

    public void Dispose() => _directory.Delete(recursive: true);

    private static string RecordedId(string stderr)
    {
        var match = RecordedLine().Match(stderr);
        Assert.True(match.Success, $"no 'Recorded as session' line on stderr:\n{stderr}");
        return match.Groups[1].Value;
    }

    [GeneratedRegex(@"^Recorded as session (\S+): chatopsbot transcript show \1$", RegexOptions.Multiline)]
    private static partial Regex RecordedLine();

    /// <summary>Stderr that presses Ctrl+C as soon as the first runbook step is printed.</summary>
    private sealed class CancelOnProgress(CancellationTokenSource ctrlC) : StringWriter
    {
        public override Task WriteLineAsync(ReadOnlyMemory<char> buffer, CancellationToken cancellationToken = default)
        {
            var task = base.WriteLineAsync(buffer, CancellationToken.None);
            if (buffer.Span.StartsWith("[") && !ctrlC.IsCancellationRequested)
            {
                ctrlC.Cancel();
            }

            return task;
        }
    }
}
