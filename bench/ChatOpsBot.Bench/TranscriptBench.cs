using System.Diagnostics;
using System.Globalization;
using ChatOpsBot.Runbooks.Causes;
using ChatOpsBot.Runbooks.Evidence;
using ChatOpsBot.Runbooks.Findings;
using ChatOpsBot.Runbooks.Rendering;
using ChatOpsBot.Runbooks.Sessions;
using ChatOpsBot.Runbooks.Sessions.Export;
using ChatOpsBot.Transcripts.Postgres;
using ChatOpsBot.Transcripts.Sqlite;
using Microsoft.Data.Sqlite;
using Npgsql;

/// <summary>
/// The transcript store's cost on the hot path and for export. Per provider: p50/p99 of AppendAsync for one step
/// entry (sequential, one entry per call, after 50 unmeasured warm-up appends), and the median of 5 Markdown exports
/// of a 1,000-entry transcript (read session + entries from the store, then render; after one unmeasured warm-up).
/// SQLite on a temporary file; PostgreSQL too when CHATOPSBOT_TEST_POSTGRES is set (a fresh database, dropped after).
/// Usage: dotnet run -c Release --project bench/ChatOpsBot.Bench -- --transcripts [--appends 1000] [--entries 1000] [--runs 5]
/// </summary>
internal static class TranscriptBench
{
    public static async Task RunAsync(string[] args)
    {
        var appends = (int)Arg(args, "--appends", 1000);
        var entries = (int)Arg(args, "--entries", 1000);
        var runs = (int)Arg(args, "--runs", 5);
        Console.WriteLine(Inv($"transcripts: {appends} sequential AppendAsync calls of one step entry each (50 warm-up calls not counted), p50/p99 per call;"));
        Console.WriteLine(Inv($"             Markdown export of a {entries}-entry transcript with its report = GetSession + GetEntries + TranscriptMarkdown.Write, median of {runs} (1 warm-up)"));
        Console.WriteLine(Inv($"{"provider",-10} {"append p50 ms",14} {"append p99 ms",14} {"export ms",10} {"(render only ms)",17} {"markdown KB",12}"));

        var directory = Path.Combine(Path.GetTempPath(), "chatopsbot-bench-" + Guid.NewGuid().ToString("N"));
        try
        {
            await MeasureAsync("sqlite", new SqliteTranscriptStore(Path.Combine(directory, "transcripts.db")), appends, entries, runs);
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            if (Directory.Exists(directory))
            {
                Directory.Delete(directory, recursive: true);
            }
        }

        if (Environment.GetEnvironmentVariable("CHATOPSBOT_TEST_POSTGRES") is not { Length: > 0 } server)
        {
            Console.WriteLine("postgres   skipped: CHATOPSBOT_TEST_POSTGRES is not set");
            return;
        }

        var maintenance = new NpgsqlConnectionStringBuilder(server) { Database = "postgres", Pooling = false }.ConnectionString;
        var name = "chatopsbot_bench_" + Guid.NewGuid().ToString("N")[..12];
        await ExecuteAsync(maintenance, $"CREATE DATABASE \"{name}\"");
        try
        {
            await using var store = new PostgresTranscriptStore(new NpgsqlConnectionStringBuilder(server) { Database = name }.ConnectionString);
            await MeasureAsync("postgres", store, appends, entries, runs);
        }
        finally
        {
            await ExecuteAsync(maintenance, $"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)");
        }
    }

    private static async Task MeasureAsync(string provider, ITranscriptStore store, int appends, int entries, int runs)
    {
        var ct = CancellationToken.None;
        var t0 = new DateTimeOffset(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);
        await store.MigrateAsync(ct);

        await store.CreateSessionAsync(Session("bench-append", t0, null), ct);
        var latencies = new List<double>(appends);
        for (var i = -50; i < appends; i++)
        {
            var entry = new TranscriptEntry("bench-append", 0, t0.AddMilliseconds(i + 50), TranscriptEntryKind.Transition, "runbook", Inv($"CheckTargets → CheckNetwork: step {i}"), "{\"guard\":\"targets time out\"}");
            var sw = Stopwatch.StartNew();
            await store.AppendAsync([entry], ct);
            sw.Stop();
            if (i >= 0)
            {
                latencies.Add(sw.Elapsed.TotalMilliseconds);
            }
        }

        var report = Report(t0);
        await store.CreateSessionAsync(Session("bench-export", t0, ReportJsonCodec.Serialize(report)) with { ResolvedBy = "carol", ResolvedAt = t0.AddMinutes(40) }, ct);
        var kinds = Enum.GetValues<TranscriptEntryKind>();
        for (var i = 0; i < entries; i += 100)
        {
            await store.AppendAsync(
                [.. Enumerable.Range(i, Math.Min(100, entries - i)).Select(n => new TranscriptEntry(
                    "bench-export", 0, t0.AddMilliseconds(n * 25), n == 0 ? TranscriptEntryKind.Started : kinds[n % kinds.Length], n % 3 == 0 ? "runbook" : "alice (333333333333333333)",
                    Inv($"entry {n}: CheckTargets → CheckNetwork because targets time out; 2 of 2 unhealthy"), n % 2 == 0 ? "{\"byAction\":{\"elasticloadbalancing:DescribeTargetHealth\":2}}" : null))],
                ct);
        }

        var exports = new List<double>();
        var renders = new List<double>();
        var size = 0;
        for (var run = 0; run <= runs; run++)
        {
            var sw = Stopwatch.StartNew();
            var session = await store.GetSessionAsync("bench-export", ct);
            var list = await store.GetEntriesAsync("bench-export", ct);
            var render = Stopwatch.StartNew();
            var markdown = TranscriptMarkdown.Write(session!, list);
            render.Stop();
            sw.Stop();
            if (list.Count != entries)
            {
                throw new InvalidOperationException(Inv($"expected {entries} entries, read {list.Count}"));
            }

            if (run > 0)
            {
                exports.Add(sw.Elapsed.TotalMilliseconds);
                renders.Add(render.Elapsed.TotalMilliseconds);
            }

            size = markdown.Length;
        }

        Console.WriteLine(Inv($"{provider,-10} {Percentile(latencies, 0.50),14:0.000} {Percentile(latencies, 0.99),14:0.000} {Percentile(exports, 0.5),10:0.0} {Percentile(renders, 0.5),17:0.0} {size / 1024.0,12:0}"));
    }

    private static double Percentile(List<double> values, double p)
    {
        var sorted = values.Order().ToList();
        return sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Count) - 1, 0, sorted.Count - 1)];
    }

    private static SessionRecord Session(string id, DateTimeOffset at, string? reportJson) => new(
        id, "503", "web-prod", "eu-west-1", 60, "discord", "111111111111111111", "222222222222222222", "333333333333333333", "alice",
        at, reportJson is null ? SessionStatus.Running : SessionStatus.Finished, "CheckTargets", reportJson is null ? null : "network-blocked", null,
        reportJson is null ? null : at.AddSeconds(4), null, null, null, null, null, null, reportJson, "bench");

    private static DiagnosisReport Report(DateTimeOffset at) => new(
        "503", DiagnosisOutcome.Diagnosed, new LoadBalancerRef("web-prod", "arn:aws:elasticloadbalancing:eu-west-1:123456789012:loadbalancer/app/web-prod/50dc6c495c0c9188", "application", "active"),
        "eu-west-1", at, TimeSpan.FromHours(1), CauseId.NetworkBlocked, [CauseId.UnhealthyTargets],
        "The security group sg-0abc blocks health checks on port 8080 from web-prod.", "the load balancer",
        [
            new CauseFinding(CauseId.NetworkBlocked, CauseStatus.Confirmed, "sg-0abc has no rule for tcp/8080.", [Fact.Of("ec2:DescribeSecurityGroups", "sg-0abc allows 443 only", "sg-0abc")],
                new Fix("Allow tcp/8080 from sg-0lb", "aws ec2 authorize-security-group-ingress --group-id sg-0abc --protocol tcp --port 8080 --source-group sg-0lb --region eu-west-1", "Health checks get through.")),
            new CauseFinding(CauseId.UnhealthyTargets, CauseStatus.Confirmed, "2 of 2 targets unhealthy.", [], null),
        ],
        [], [new TransitionRecord("Start", "CheckTargets", "Begin", null, at, null)], ["Re-run after the change."], TimeSpan.FromSeconds(4),
        [new EvidenceCall("elasticloadbalancing", "DescribeLoadBalancers", at, TimeSpan.FromMilliseconds(40), 1, "ok")]);

    private static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var c = new NpgsqlConnection(connectionString);
        await c.OpenAsync();
        await using var cmd = new NpgsqlCommand(sql, c);
        await cmd.ExecuteNonQueryAsync();
    }

    private static double Arg(string[] args, string name, double fallback) =>
        args.Contains(name) ? double.Parse(args[Array.IndexOf(args, name) + 1], CultureInfo.InvariantCulture) : fallback;

    private static string Inv(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
