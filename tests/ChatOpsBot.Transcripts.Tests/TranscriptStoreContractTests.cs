using System.Text;
using ChatOpsBot.Runbooks.Charts;
using ChatOpsBot.Runbooks.Rendering;
using ChatOpsBot.Runbooks.Sessions;
using static ChatOpsBot.Transcripts.Tests.Samples;

namespace ChatOpsBot.Transcripts.Tests;

/// <summary>
/// The <see cref="ITranscriptStore"/> contract, run unchanged against every provider (one subclass each). A subclass
/// opens any number of store instances on one database (two instances stand in for two replicas) and answers raw
/// queries about the schema. A provider that is not available skips (never passes) every test.
/// </summary>
public abstract class TranscriptStoreContractTests : IAsyncLifetime
{
    private readonly List<ITranscriptStore> _stores = [];
    private readonly CancellationTokenSource _timeout = new(TimeSpan.FromMinutes(2));

    protected CancellationToken Ct => _timeout.Token;

    /// <summary>A new store instance on this test's database (skips the test when the provider is unavailable).</summary>
    protected abstract ITranscriptStore NewStoreInstance();

    /// <summary>Every <c>table.column</c> in the database, lower case.</summary>
    protected abstract Task<IReadOnlyList<string>> ColumnsAsync();

    /// <summary>The rows of <c>schema_version</c> as version numbers.</summary>
    protected abstract Task<IReadOnlyList<long>> SchemaVersionsAsync();

    public virtual Task InitializeAsync() => Task.CompletedTask;

    public virtual async Task DisposeAsync()
    {
        foreach (var s in _stores)
        {
            if (s is IAsyncDisposable d)
            {
                await d.DisposeAsync();
            }
        }

        _timeout.Dispose();
    }

    [SkippableFact]
    public async Task Migrate_Twice_IsIdempotentAndRecordsEachVersionOnce()
    {
        var store = Open();
        await store.MigrateAsync(Ct);
        await store.MigrateAsync(Ct);
        await Open().MigrateAsync(Ct);

        Assert.Equal([1L, 2L, 3L], await SchemaVersionsAsync());
    }

    [SkippableFact]
    public async Task Migrate_FourInstancesAtOnce_AllSucceedAndEachVersionIsAppliedOnce()
    {
        var stores = Enumerable.Range(0, 4).Select(_ => Open()).ToList();

        await Task.WhenAll(stores.Select(s => Task.Run(() => s.MigrateAsync(Ct))));

        Assert.Equal([1L, 2L, 3L], await SchemaVersionsAsync());
        await stores[3].CreateSessionAsync(Session("s-after-migrate"), Ct);
        Assert.NotNull(await stores[0].GetSessionAsync("s-after-migrate", Ct));
    }

    [SkippableFact]
    public async Task Schema_HasExactlyTheDocumentedColumns_AndNoneForTokensOrCredentials()
    {
        await Open().MigrateAsync(Ct);

        var columns = await ColumnsAsync();

        string[] expected =
        [
            "interaction_claims.claimed_at", "interaction_claims.interaction_id", "interaction_claims.owner", "interaction_claims.reply",
            "schema_version.applied_at", "session_charts.charts_json", "session_charts.session_id", "schema_version.description", "schema_version.version",
            "sessions.account", "sessions.acknowledged_at", "sessions.acknowledged_by", "sessions.channel_id", "sessions.created_at", "sessions.finished_at",
            "sessions.guild_id", "sessions.id", "sessions.load_balancer", "sessions.machine_state", "sessions.message_channel_id",
            "sessions.message_id", "sessions.outcome", "sessions.owner", "sessions.region", "sessions.report_json", "sessions.resolved_at",
            "sessions.resolved_by", "sessions.root_cause", "sessions.runbook", "sessions.source", "sessions.started_by_id",
            "sessions.started_by_name", "sessions.status", "sessions.window_minutes",
            "transcript_entries.actor", "transcript_entries.at", "transcript_entries.data_json", "transcript_entries.kind",
            "transcript_entries.sequence", "transcript_entries.session_id", "transcript_entries.text",
        ];
        Assert.Equal(expected.Order(StringComparer.Ordinal), columns.Order(StringComparer.Ordinal));
        foreach (var word in new[] { "token", "secret", "password", "signature", "credential", "key" })
        {
            Assert.DoesNotContain(columns, c => c.Contains(word, StringComparison.OrdinalIgnoreCase));
        }
    }

    [SkippableFact]
    public async Task CreateThenGet_EveryFieldSet_RoundTripsUnicodeAndA200KbReport()
    {
        var store = Open();
        var bigReport = ReportJsonCodec.Serialize(Report(T0)) is var json && json.Length < 200_000
            ? json[..^1] + ",\"padding\":\"" + new string('é', 200_000) + "\"}"
            : throw new InvalidOperationException("sample report unexpectedly large");
        var session = Session("s-full") with
        {
            Status = SessionStatus.Finished,
            StartedByName = "Zoë 🚒 Ñúñez",
            MachineState = "Done",
            RootCause = "network-blocked",
            Outcome = "Diagnosed — sg-0abc blocks 8080 ✓",
            FinishedAt = T0.AddMilliseconds(4321),
            AcknowledgedBy = "bob (444)",
            AcknowledgedAt = T0.AddMinutes(1),
            ResolvedBy = "carol (555)",
            ResolvedAt = T0.AddMinutes(30),
            MessageChannelId = "222222222222222222",
            MessageId = "666666666666666666",
            ReportJson = bigReport,
            Owner = "replica-ü",
            Account = "prod-eu",
        };

        await store.CreateSessionAsync(session, Ct);
        var loaded = await Open().GetSessionAsync("s-full", Ct);

        Assert.Equal(session with { ReportJson = null }, loaded! with { ReportJson = null });
        Assert.True(string.Equals(bigReport, loaded.ReportJson, StringComparison.Ordinal), "the 200 KB report came back changed");
        Assert.True(Encoding.UTF8.GetByteCount(loaded.ReportJson!) > 200_000);
    }

    [SkippableFact]
    public async Task CreateThenGet_OptionalFieldsNull_RoundTripsNulls()
    {
        var store = Open();
        var session = Session("s-nulls") with { Source = "cli", GuildId = null, ChannelId = null, StartedById = null, MachineState = null, Owner = null, Status = SessionStatus.Queued };

        await store.CreateSessionAsync(session, Ct);

        Assert.Equal(session, await store.GetSessionAsync("s-nulls", Ct));
        Assert.Null(await store.GetSessionAsync("no-such-session", Ct));
    }

    [SkippableFact]
    public async Task Timestamps_AnyOffsetAndSubMillisecondTicks_ComeBackAsTheSameInstantInUtcToTheMillisecond()
    {
        var store = Open();
        var local = new DateTimeOffset(2026, 3, 1, 14, 0, 0, 123, TimeSpan.FromHours(2)).AddTicks(4567);

        await store.CreateSessionAsync(Session("s-time", createdAt: local), Ct);
        var loaded = await store.GetSessionAsync("s-time", Ct);

        Assert.Equal(TimeSpan.Zero, loaded!.CreatedAt.Offset);
        Assert.Equal(new DateTimeOffset(2026, 3, 1, 12, 0, 0, 123, TimeSpan.Zero), loaded.CreatedAt);
    }

    [SkippableFact]
    public async Task Update_ChangesMutableFields_AndLeavesAcknowledgementAndResolutionAlone()
    {
        var store = Open();
        await store.CreateSessionAsync(Session("s-upd"), Ct);
        Assert.True(await store.TryAcknowledgeAsync("s-upd", "bob", T0.AddMinutes(1), Ct));

        var changed = Session("s-upd") with
        {
            Status = SessionStatus.Finished,
            MachineState = "Done",
            RootCause = "network-blocked",
            Outcome = "Diagnosed",
            FinishedAt = T0.AddSeconds(5),
            MessageChannelId = "c-1",
            MessageId = "m-1",
            ReportJson = "{\"runbook\":\"503\"}",
            Owner = "replica-b",
            AcknowledgedBy = "mallory",
            AcknowledgedAt = T0.AddDays(1),
            ResolvedBy = "mallory",
            ResolvedAt = T0.AddDays(1),
            StartedByName = "not-changed-by-update",
        };
        await store.UpdateSessionAsync(changed, Ct);

        var loaded = await store.GetSessionAsync("s-upd", Ct);
        Assert.Equal(
            changed with { AcknowledgedBy = "bob", AcknowledgedAt = T0.AddMinutes(1), ResolvedBy = null, ResolvedAt = null, StartedByName = "alice" },
            loaded);
    }

    [SkippableFact]
    public async Task TryAcknowledge_TwentyConcurrentCallersOnTwoReplicas_ExactlyOneWins()
    {
        var (a, b) = (Open(), Open());
        await a.CreateSessionAsync(Session("s-ack"), Ct);

        var results = await Task.WhenAll(Enumerable.Range(0, 20).Select(i =>
            Task.Run(() => (i % 2 == 0 ? a : b).TryAcknowledgeAsync("s-ack", $"user-{i}", T0.AddSeconds(i), Ct))));

        Assert.Single(results, r => r);
        var winner = Array.IndexOf(results, true);
        var loaded = await a.GetSessionAsync("s-ack", Ct);
        Assert.Equal($"user-{winner}", loaded!.AcknowledgedBy);
        Assert.Equal(T0.AddSeconds(winner), loaded.AcknowledgedAt);
        Assert.False(await b.TryAcknowledgeAsync("s-ack", "late", T0, Ct));
        Assert.False(await b.TryAcknowledgeAsync("no-such-session", "x", T0, Ct));
    }

    [SkippableFact]
    public async Task TryResolve_TwentyConcurrentCallersOnTwoReplicas_ExactlyOneWins()
    {
        var (a, b) = (Open(), Open());
        await a.CreateSessionAsync(Session("s-res"), Ct);

        var results = await Task.WhenAll(Enumerable.Range(0, 20).Select(i =>
            Task.Run(() => (i % 2 == 0 ? a : b).TryResolveAsync("s-res", $"user-{i}", T0.AddMinutes(i), Ct))));

        Assert.Single(results, r => r);
        var winner = Array.IndexOf(results, true);
        var loaded = await b.GetSessionAsync("s-res", Ct);
        Assert.Equal($"user-{winner}", loaded!.ResolvedBy);
        Assert.Equal(T0.AddMinutes(winner), loaded.ResolvedAt);
        Assert.Null(loaded.AcknowledgedBy);
    }

    [SkippableFact]
    public async Task TryMarkInterrupted_OnlyQueuedOrRunning_AndOnlyOneConcurrentCallerWins()
    {
        var (a, b) = (Open(), Open());
        await a.CreateSessionAsync(Session("s-run", status: SessionStatus.Running), Ct);
        await a.CreateSessionAsync(Session("s-done", status: SessionStatus.Finished), Ct);

        var results = await Task.WhenAll(Enumerable.Range(0, 20).Select(i =>
            Task.Run(() => (i % 2 == 0 ? a : b).TryMarkInterruptedAsync("s-run", T0.AddMinutes(5), Ct))));

        Assert.Single(results, r => r);
        var loaded = await a.GetSessionAsync("s-run", Ct);
        Assert.Equal(SessionStatus.Interrupted, loaded!.Status);
        Assert.Equal(T0.AddMinutes(5), loaded.FinishedAt);
        Assert.False(await a.TryMarkInterruptedAsync("s-done", T0, Ct));
        Assert.Equal(SessionStatus.Finished, (await a.GetSessionAsync("s-done", Ct))!.Status);
    }

    [SkippableFact]
    public async Task TryClaimInteraction_TwoReplicasRacing_OnlyTheFirstClaimWins_AndTheReplyIsShared()
    {
        var (a, b) = (Open(), Open());
        await a.MigrateAsync(Ct);

        var results = await Task.WhenAll(Enumerable.Range(0, 20).Select(i =>
            Task.Run(() => (i % 2 == 0 ? a : b).TryClaimInteractionAsync("1234567890", i % 2 == 0 ? "replica-a" : "replica-b", T0, Ct))));

        Assert.Single(results, r => r);
        Assert.Null(await b.GetInteractionReplyAsync("1234567890", Ct));
        byte[] reply = [.. Encoding.UTF8.GetBytes("{\"type\":5}"), 0, 255];
        await a.SaveInteractionReplyAsync("1234567890", reply, Ct);
        Assert.Equal(reply, await b.GetInteractionReplyAsync("1234567890", Ct));
        Assert.Null(await b.GetInteractionReplyAsync("never-claimed", Ct));
        Assert.True(await b.TryClaimInteractionAsync("another", "replica-b", T0, Ct));
    }

    [SkippableFact]
    public async Task Append_Batch_KeepsOrderAndAssignsIncreasingSequences()
    {
        var store = Open();
        await store.CreateSessionAsync(Session("s-app"), Ct);
        TranscriptEntry[] batch =
        [
            Entry("s-app", T0, TranscriptEntryKind.Started, "alice (333)", "started 503 on web-prod"),
            Entry("s-app", T0, TranscriptEntryKind.Transition, "runbook", "Start → CheckTargets", "{\"guard\":null}"),
            Entry("s-app", T0.AddSeconds(-1), TranscriptEntryKind.AwsCalls, "bot", "3 calls — ünïcödé", "{\"byAction\":{\"a\":3}}"),
        ];

        await store.AppendAsync(batch, Ct);
        await store.AppendAsync([Entry("s-app", T0.AddSeconds(4), TranscriptEntryKind.Outcome, "bot", "finished")], Ct);
        await store.AppendAsync([], Ct);

        var entries = await Open().GetEntriesAsync("s-app", Ct);
        Assert.Equal(["started 503 on web-prod", "Start → CheckTargets", "3 calls — ünïcödé", "finished"], entries.Select(e => e.Text));
        Assert.True(entries.Zip(entries.Skip(1)).All(p => p.First.Sequence < p.Second.Sequence));
        Assert.All(entries, e => Assert.True(e.Sequence > 0));
        Assert.Equal(batch[2] with { Sequence = entries[2].Sequence }, entries[2]);
        Assert.Empty(await store.GetEntriesAsync("no-such-session", Ct));
    }

    [SkippableFact]
    public async Task Append_ConcurrentlyToTenSessionsFromTwoReplicas_EachSessionKeepsItsOrder()
    {
        var (a, b) = (Open(), Open());
        for (var s = 0; s < 10; s++)
        {
            await a.CreateSessionAsync(Session($"s-c{s}"), Ct);
        }

        await Task.WhenAll(Enumerable.Range(0, 10).Select(s => Task.Run(async () =>
        {
            var store = s % 2 == 0 ? a : b;
            for (var i = 0; i < 20; i += 2)
            {
                await store.AppendAsync(
                    [Entry($"s-c{s}", T0, TranscriptEntryKind.Transition, "runbook", $"{i}"), Entry($"s-c{s}", T0, TranscriptEntryKind.Note, "bot", $"{i + 1}")],
                    Ct);
            }
        })));

        for (var s = 0; s < 10; s++)
        {
            var entries = await a.GetEntriesAsync($"s-c{s}", Ct);
            Assert.Equal(Enumerable.Range(0, 20).Select(i => $"{i}"), entries.Select(e => e.Text));
            Assert.True(entries.Zip(entries.Skip(1)).All(p => p.First.Sequence < p.Second.Sequence));
        }
    }

    [SkippableFact]
    public async Task Append_ToUnknownSession_FailsAndStoresNothing()
    {
        var store = Open();
        await store.CreateSessionAsync(Session("s-known"), Ct);

        await Assert.ThrowsAnyAsync<System.Data.Common.DbException>(() => store.AppendAsync(
            [Entry("s-known", T0, TranscriptEntryKind.Note, "bot", "first"), Entry("s-unknown", T0, TranscriptEntryKind.Note, "bot", "orphan")], Ct));

        Assert.Empty(await store.GetEntriesAsync("s-known", Ct));
    }

    [SkippableFact]
    public async Task ListSessions_NewestFirst_WithSinceLoadBalancerAndLimit()
    {
        var store = Open();
        for (var i = 0; i < 6; i++)
        {
            await store.CreateSessionAsync(Session($"s-l{i}", createdAt: T0.AddMinutes(i), loadBalancer: i % 2 == 0 ? "web-prod" : "api-prod"), Ct);
        }

        Assert.Equal(["s-l5", "s-l4", "s-l3", "s-l2", "s-l1", "s-l0"], (await store.ListSessionsAsync(null, null, 100, Ct)).Select(s => s.Id));
        Assert.Equal(["s-l5", "s-l4"], (await store.ListSessionsAsync(null, null, 2, Ct)).Select(s => s.Id));
        Assert.Equal(["s-l4", "s-l2", "s-l0"], (await store.ListSessionsAsync(null, "web-prod", 100, Ct)).Select(s => s.Id));
        Assert.Equal(["s-l5", "s-l4", "s-l3"], (await store.ListSessionsAsync(T0.AddMinutes(3), null, 100, Ct)).Select(s => s.Id));
        Assert.Equal(["s-l5"], (await store.ListSessionsAsync(T0.AddMinutes(3), "api-prod", 1, Ct)).Select(s => s.Id));
        Assert.Empty(await store.ListSessionsAsync(null, "nope", 100, Ct));
    }

    [SkippableFact]
    public async Task FindUnfinished_ReturnsQueuedAndRunningOnly_OldestFirst()
    {
        var store = Open();
        var statuses = Enum.GetValues<SessionStatus>();
        for (var i = 0; i < statuses.Length; i++)
        {
            await store.CreateSessionAsync(Session($"s-{statuses[i]}", createdAt: T0.AddMinutes(-i), status: statuses[i]), Ct);
        }

        var unfinished = await store.FindUnfinishedAsync(Ct);

        Assert.Equal(["s-Running", "s-Queued"], unfinished.Select(s => s.Id));
    }

    [SkippableFact]
    public async Task DeleteOlderThan_RemovesOldSessionsWithTheirEntries_AndOldClaims()
    {
        var store = Open();
        await store.CreateSessionAsync(Session("s-old", createdAt: T0.AddDays(-91)), Ct);
        await store.CreateSessionAsync(Session("s-new", createdAt: T0.AddDays(-89)), Ct);
        await store.AppendAsync([Entry("s-old", T0.AddDays(-91), TranscriptEntryKind.Started, "alice", "old"), Entry("s-new", T0, TranscriptEntryKind.Started, "alice", "new")], Ct);
        await store.TryClaimInteractionAsync("old-claim", "replica-a", T0.AddDays(-91), Ct);
        await store.TryClaimInteractionAsync("new-claim", "replica-a", T0.AddDays(-1), Ct);
        await store.SaveInteractionReplyAsync("new-claim", [1, 2, 3], Ct);
        await store.SaveChartsAsync("s-old", [Chart("old")], Ct);

        var deleted = await store.DeleteOlderThanAsync(T0.AddDays(-90), Ct);

        Assert.Equal(1, deleted);
        Assert.Null(await store.GetSessionAsync("s-old", Ct));
        Assert.Empty(await store.GetEntriesAsync("s-old", Ct));
        Assert.Empty(await store.GetChartsAsync("s-old", Ct));
        Assert.NotNull(await store.GetSessionAsync("s-new", Ct));
        Assert.Single(await store.GetEntriesAsync("s-new", Ct));
        Assert.True(await store.TryClaimInteractionAsync("old-claim", "replica-b", T0, Ct)); // forgotten, so claimable again
        Assert.False(await store.TryClaimInteractionAsync("new-claim", "replica-b", T0, Ct));
        Assert.Equal([1, 2, 3], await store.GetInteractionReplyAsync("new-claim", Ct));
        Assert.Equal(0, await store.DeleteOlderThanAsync(T0.AddDays(-90), Ct));
    }

    [SkippableFact]
    public async Task SaveCharts_ThenGetFromAnotherReplica_RoundTripsEverySeriesThresholdAndInstant()
    {
        var store = Open();
        await store.CreateSessionAsync(Session("s-charts"), Ct);
        ChartSpec[] charts =
        [
            Chart("5xx-by-producer", T0.AddTicks(1234)),
            Chart("target-response-time-p99") with { Thresholds = [new ChartThreshold("web health-check timeout 5 s", 5)] },
        ];

        await store.SaveChartsAsync("s-charts", charts, Ct);
        var loaded = await Open().GetChartsAsync("s-charts", Ct);

        Assert.Equal(["5xx-by-producer", "target-response-time-p99"], loaded.Select(c => c.Id));
        Assert.Equal(charts[0].Series[0].Values, loaded[0].Series[0].Values);
        Assert.Equal(charts[0].Series[0].Times, loaded[0].Series[0].Times); // ticks kept: JSON, not a timestamp column
        Assert.Equal(ChartSeriesRole.Bad, loaded[0].Series[0].Role);
        Assert.Equal("Zoë ✓ web-prod", loaded[0].Title);
        Assert.Equal(new ChartThreshold("web health-check timeout 5 s", 5), Assert.Single(loaded[1].Thresholds));
        Assert.Equal(charts[0].DiagnosedAt, loaded[0].DiagnosedAt);
        Assert.True(double.IsNaN(loaded[0].Series[0].Values[2]));
    }

    [SkippableFact]
    public async Task SaveCharts_Twice_KeepsOnlyTheLatest_AndASessionWithoutChartsHasNone()
    {
        var store = Open();
        await store.CreateSessionAsync(Session("s-twice"), Ct);
        await store.CreateSessionAsync(Session("s-none"), Ct);

        await store.SaveChartsAsync("s-twice", [Chart("first"), Chart("second")], Ct);
        await Open().SaveChartsAsync("s-twice", [Chart("third")], Ct);

        Assert.Equal(["third"], (await store.GetChartsAsync("s-twice", Ct)).Select(c => c.Id));
        Assert.Empty(await store.GetChartsAsync("s-none", Ct));
        Assert.Empty(await store.GetChartsAsync("s-unknown", Ct));
    }

    [SkippableFact]
    public async Task SaveCharts_ForUnknownSession_Fails()
    {
        var store = Open();

        await Assert.ThrowsAnyAsync<System.Data.Common.DbException>(() => store.SaveChartsAsync("s-missing", [Chart("x")], Ct));
    }

    private static ChartSpec Chart(string id, DateTimeOffset? first = null)
    {
        var t = first ?? T0;
        return new ChartSpec(
            id,
            "Zoë ✓ web-prod",
            "count per minute",
            [new ChartSeries("HTTPCode_ELB_503 (load balancer)", [t, t.AddMinutes(1), t.AddMinutes(2)], [0, 41.5, double.NaN], ChartSeriesRole.Bad)],
            [],
            T0.AddMinutes(-30),
            T0,
            T0.AddSeconds(7));
    }

    protected ITranscriptStore Open()
    {
        var store = NewStoreInstance();
        _stores.Add(store);
        return store;
    }
}
