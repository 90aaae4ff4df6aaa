using System.Text.Json;
using ChatOpsBot.Hosting;
using ChatOpsBot.Runbooks.Charts;
using ChatOpsBot.Runbooks.Engine;
using ChatOpsBot.Runbooks.Findings;
using ChatOpsBot.Runbooks.Sessions;
using ChatOpsBot.Transcripts;
using ChatOpsBot.Transcripts.Configuration;

namespace ChatOpsBot.Cli;

/// <summary>
/// Keeps a terminal diagnosis as a transcript in the configured store (source <c>cli</c>), written as it goes: the
/// start, every runbook transition, then the outcome, AWS calls, report and charts. The store never costs the user
/// the diagnosis: the first failure (cannot open, cannot write, no answer within <see cref="StoreTimeout"/>) prints
/// one warning line on stderr and recording stops, while the runbook carries on.
/// </summary>
internal sealed class TerminalSessionRecorder : IDiagnosisObserver, IAsyncDisposable
{
    /// <summary>How long one write may take before the transcript is given up (a database that is down).</summary>
    public static readonly TimeSpan StoreTimeout = TimeSpan.FromSeconds(10);

    private readonly IDiagnosisObserver _progress;
    private readonly TextWriter _error;
    private readonly TimeProvider _time;
    private readonly string _where;
    private readonly Func<string, string> _redact;
    private readonly List<TranscriptEntry> _pending = [];
    private ITranscriptStore? _store;
    private SessionRecord _record;
    private bool _created;

    private TerminalSessionRecorder(ITranscriptStore? store, SessionRecord record, IDiagnosisObserver progress, TextWriter error, TimeProvider time, string where, Func<string, string> redact)
    {
        _store = store;
        _record = record;
        _progress = progress;
        _error = error;
        _time = time;
        _where = where;
        _redact = redact;
    }

    public string SessionId => _record.Id;

    /// <summary>Whether the whole session is in the store so far.</summary>
    public bool Kept => _store is not null;

    /// <summary>Opens the store and writes the session's start. <paramref name="scenario"/> names the simulated
    /// scenario the run uses (null against real AWS), so the transcript cannot be mistaken for a production incident.</summary>
    public static async Task<TerminalSessionRecorder> StartAsync(
        TranscriptOptions options,
        DiagnosisRequest request,
        string? scenario,
        IDiagnosisObserver progress,
        TextWriter error,
        TimeProvider time)
    {
        var where = options.Describe();
        var now = time.GetUtcNow();
        var record = new SessionRecord(
            SessionIds.New(),
            request.Symptom,
            request.LoadBalancer,
            request.Region,
            (int)request.Window.TotalMinutes,
            "cli",
            GuildId: null,
            ChannelId: null,
            StartedById: null,
            Environment.UserName,
            now,
            SessionStatus.Running,
            MachineState: null,
            RootCause: null,
            Outcome: null,
            FinishedAt: null,
            AcknowledgedBy: null,
            AcknowledgedAt: null,
            ResolvedBy: null,
            ResolvedAt: null,
            MessageChannelId: null,
            MessageId: null,
            ReportJson: null,
            Owner: $"cli@{Environment.MachineName}",
            request.Account);

        ITranscriptStore? store;
        try
        {
            store = TranscriptStoreFactory.Create(options);
        }
        catch (ArgumentException e)
        {
            var message = e.ParamName is { } p ? e.Message.Replace($" (Parameter '{p}')", string.Empty, StringComparison.Ordinal) : e.Message;
            await error.WriteLineAsync($"Transcript not kept: the transcript store is not configured: {options.Redact(message)}");
            store = null;
        }

        var recorder = new TerminalSessionRecorder(store, record, progress, error, time, where, options.Redact);
        recorder._pending.Add(SessionEntries.Started(record.Id, now, record.StartedByName, request, scenario is null ? null : $"the simulated AWS (scenario '{scenario}')"));
        if (scenario is not null)
        {
            recorder._pending.Add(new TranscriptEntry(
                record.Id,
                0,
                now,
                TranscriptEntryKind.Note,
                "bot",
                $"simulated run: scenario '{scenario}' answered on loopback; no real AWS account was used and this is not a production incident",
                JsonSerializer.Serialize(new { simulated = true, scenario })));
        }

        await recorder.WriteAsync(async (s, ct) =>
        {
            await s.CreateSessionAsync(recorder._record, ct);
            recorder._created = true;
        });
        return recorder;
    }

    public async ValueTask OnProgressAsync(DiagnosisProgress progress, CancellationToken cancellationToken)
    {
        await _progress.OnProgressAsync(progress, cancellationToken);
        _record = _record with { MachineState = progress.Step };
        _pending.Add(SessionEntries.Transition(_record.Id, _time.GetUtcNow(), progress));
        await WriteAsync(null);
    }

    /// <summary>The diagnosis ran to its end: outcome, fix, AWS calls, the report and the charts.</summary>
    public async Task FinishedAsync(DiagnosisReport report, IReadOnlyList<ChartSpec> charts)
    {
        _pending.AddRange(SessionEntries.Finished(_record.Id, _time.GetUtcNow(), report));
        _record = _record.WithReport(report) with { Status = SessionStatus.Finished };
        await WriteAsync(async (s, ct) =>
        {
            if (charts.Count > 0)
            {
                await s.SaveChartsAsync(_record.Id, charts, ct);
            }

            await s.UpdateSessionAsync(_record, ct);
        });
    }

    /// <summary>Ctrl+C before the end: what ran so far stays, marked interrupted.</summary>
    public Task InterruptedAsync()
    {
        var now = _time.GetUtcNow();
        _pending.Add(new TranscriptEntry(_record.Id, 0, now, TranscriptEntryKind.Note, "bot", "interrupted: Ctrl+C in the terminal before the diagnosis finished", null));
        _record = _record with { Status = SessionStatus.Interrupted, FinishedAt = now };
        return WriteAsync((s, ct) => s.UpdateSessionAsync(_record, ct));
    }

    /// <summary>The runbook could not run (AWS failed); the sentence the user saw is kept.</summary>
    public Task FailedAsync(string why)
    {
        var now = _time.GetUtcNow();
        _pending.Add(new TranscriptEntry(_record.Id, 0, now, TranscriptEntryKind.Note, "bot", $"failed: {why}", null));
        _record = _record with { Status = SessionStatus.Failed, FinishedAt = now };
        return WriteAsync((s, ct) => s.UpdateSessionAsync(_record, ct));
    }

    /// <summary>Names the stored session on stderr when all of it was kept (a session an unexpected error cut short
    /// is closed as failed first, so it does not stay "running").</summary>
    public async Task ReportAsync()
    {
        if (_record.Status == SessionStatus.Running)
        {
            await FailedAsync("the diagnosis stopped on an unexpected error");
        }

        if (Kept)
        {
            await _error.WriteLineAsync($"Recorded as session {_record.Id}: chatopsbot transcript show {_record.Id}");
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_store is IAsyncDisposable disposable)
        {
            await disposable.DisposeAsync();
        }
    }

    /// <summary>Appends the pending entries, then runs <paramref name="then"/>; on the first failure warns once and
    /// stops recording. Not tied to the diagnosis' cancellation, so Ctrl+C is itself recorded.</summary>
    private async Task WriteAsync(Func<ITranscriptStore, CancellationToken, Task>? then)
    {
        if (_store is not { } store)
        {
            return;
        }

        using var timeout = new CancellationTokenSource(StoreTimeout, _time);
        try
        {
            if (_created && _pending.Count > 0)
            {
                await store.AppendAsync([.. _pending], timeout.Token);
                _pending.Clear();
            }

            if (then is not null)
            {
                await then(store, timeout.Token);
            }

            if (_pending.Count > 0)
            {
                await store.AppendAsync([.. _pending], timeout.Token);
                _pending.Clear();
            }
        }
        catch (Exception e)
        {
            var why = e is OperationCanceledException ? $"no answer within {StoreTimeout.TotalSeconds:0} s" : _redact(StoreProbe.Describe(e));
            await _error.WriteLineAsync(_created
                ? $"Transcript not kept in full: writing session {_record.Id} to the {_where} failed ({why}); it holds only the steps before."
                : $"Transcript not kept: the {_where} cannot be written ({why}); --db FILE keeps it elsewhere, --no-record skips it.");
            _store = null;
            await DisposeStoreAsync(store);
        }
    }

    private static async Task DisposeStoreAsync(ITranscriptStore store)
    {
        try
        {
            if (store is IAsyncDisposable disposable)
            {
                await disposable.DisposeAsync();
            }
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // The store is already being given up; its warning has been printed.
        }
    }
}
