using ChatOpsBot.Runbooks.Sessions;
using ChatOpsBot.Transcripts.Configuration;
using ChatOpsBot.Transcripts.Retention;
using ChatOpsBot.Transcripts.Sqlite;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using static ChatOpsBot.Transcripts.Tests.Samples;

namespace ChatOpsBot.Transcripts.Tests.Retention;

/// <summary>The retention service on a real SQLite store, driven by a <see cref="FakeTimeProvider"/>.</summary>
public sealed class RetentionServiceTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "chatopsbot-retention-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }

    [Fact]
    public async Task Service_DeletesOldSessionsAtStartAndAgainEachInterval_AndLogsTheCounts()
    {
        var store = new SqliteTranscriptStore(Path.Combine(_directory, "t.db"));
        var time = new FakeTimeProvider(T0);
        await store.CreateSessionAsync(Session("s-100d", createdAt: T0.AddDays(-100)), CancellationToken.None);
        await store.CreateSessionAsync(Session("s-95d", createdAt: T0.AddDays(-95)), CancellationToken.None);
        await store.CreateSessionAsync(Session("s-edge", createdAt: T0.AddDays(-90).AddHours(3)), CancellationToken.None);
        await store.CreateSessionAsync(Session("s-1d", createdAt: T0.AddDays(-1)), CancellationToken.None);
        await store.AppendAsync([Entry("s-100d", T0.AddDays(-100), TranscriptEntryKind.Started, "alice", "old")], CancellationToken.None);
        var logger = new CapturingLogger<RetentionService>();
        var options = Options.Create(new TranscriptOptions { RetentionDays = 90, RetentionInterval = TimeSpan.FromHours(6) });
        using var service = new RetentionService(store, options, time, logger);

        await service.StartAsync(CancellationToken.None);
        await WaitForPassesAsync(logger, 1);

        Assert.Equal(["s-1d", "s-edge"], (await store.ListSessionsAsync(null, null, 10, CancellationToken.None)).Select(s => s.Id));
        Assert.Empty(await store.GetEntriesAsync("s-100d", CancellationToken.None));
        Assert.Contains("deleted 2 sessions older than 90 days", Passes(logger)[0], StringComparison.Ordinal);

        time.Advance(TimeSpan.FromHours(5)); // not yet an interval: no pass
        await Task.Delay(200);
        Assert.Single(Passes(logger));

        time.Advance(TimeSpan.FromHours(1)); // s-edge is now 90 days 3 hours old
        await WaitForPassesAsync(logger, 2);

        Assert.Equal(["s-1d"], (await store.ListSessionsAsync(null, null, 10, CancellationToken.None)).Select(s => s.Id));
        Assert.Contains("deleted 1 sessions", Passes(logger)[1], StringComparison.Ordinal);
        await service.StopAsync(CancellationToken.None);
    }

    [Fact]
    public async Task Service_StoreFails_LogsAWarningAndRunsAgainNextInterval()
    {
        var time = new FakeTimeProvider(T0);
        var logger = new CapturingLogger<RetentionService>();
        var store = new SqliteTranscriptStore(Path.Combine(_directory, "t.db"));
        Directory.CreateDirectory(Path.Combine(_directory, "t.db")); // a directory where the file should be: every pass fails
        using var service = new RetentionService(store, Options.Create(new TranscriptOptions()), time, logger);

        await service.StartAsync(CancellationToken.None);
        await WaitForAsync(() => logger.Lines.Count(l => l.EventId == 6102) == 1);
        Directory.Delete(Path.Combine(_directory, "t.db"));
        time.Advance(TimeSpan.FromHours(6));
        await WaitForPassesAsync(logger, 1);

        await service.StopAsync(CancellationToken.None);
    }

    private static List<string> Passes(CapturingLogger<RetentionService> logger) => [.. logger.Lines.Where(l => l.EventId == 6101).Select(l => l.Message)];

    private static Task WaitForPassesAsync(CapturingLogger<RetentionService> logger, int count) => WaitForAsync(() => Passes(logger).Count >= count);

    private static async Task WaitForAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "timed out waiting for the retention pass");
            await Task.Delay(10);
        }
    }
}
