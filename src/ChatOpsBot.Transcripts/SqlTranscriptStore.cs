using System.Data.Common;
using System.Globalization;
using System.Text;
using System.Text.Json;
using ChatOpsBot.Runbooks.Charts;
using ChatOpsBot.Runbooks.Rendering;
using ChatOpsBot.Runbooks.Sessions;
using ChatOpsBot.Transcripts.Schema;

namespace ChatOpsBot.Transcripts;

/// <summary>
/// The store's queries, shared by both providers (the dialect supplies connections and timestamps). One connection
/// per operation from the provider's pool. The schema is migrated lazily: the first operation on an instance runs
/// <see cref="MigrateAsync"/> once (which is idempotent and safe against other processes doing the same).
/// </summary>
public abstract class SqlTranscriptStore : ITranscriptStore
{
    private const string SessionColumns =
        "id, runbook, load_balancer, region, window_minutes, source, guild_id, channel_id, started_by_id, started_by_name, " +
        "created_at, status, machine_state, root_cause, outcome, finished_at, acknowledged_by, acknowledged_at, " +
        "resolved_by, resolved_at, message_channel_id, message_id, report_json, owner, account";

    private const string Unfinished = "('Queued', 'Running')";

    private readonly ISqlDialect dialect;
    private readonly SemaphoreSlim _migrateGate = new(1, 1);
    private volatile bool _migrated;

    private protected SqlTranscriptStore(ISqlDialect dialect) => this.dialect = dialect;

    internal ISqlDialect Dialect => dialect;

    public async Task MigrateAsync(CancellationToken cancellationToken)
    {
        await _migrateGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await MigrationRunner.ApplyAsync(dialect, cancellationToken).ConfigureAwait(false);
            _migrated = true;
        }
        finally
        {
            _migrateGate.Release();
        }
    }

    public async Task CreateSessionAsync(SessionRecord session, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        await using var c = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await Sql.ExecuteAsync(
            c,
            null,
            $"""
            INSERT INTO sessions ({SessionColumns})
            VALUES (@id, @runbook, @load_balancer, @region, @window_minutes, @source, @guild_id, @channel_id, @started_by_id,
                    @started_by_name, @created_at, @status, @machine_state, @root_cause, @outcome, @finished_at,
                    @acknowledged_by, @acknowledged_at, @resolved_by, @resolved_at, @message_channel_id, @message_id,
                    @report_json, @owner, @account)
            """,
            [
                ("@id", session.Id),
                ("@runbook", session.Runbook),
                ("@load_balancer", session.LoadBalancer),
                ("@region", session.Region),
                ("@window_minutes", session.WindowMinutes),
                ("@source", session.Source),
                ("@guild_id", session.GuildId),
                ("@channel_id", session.ChannelId),
                ("@started_by_id", session.StartedById),
                ("@started_by_name", session.StartedByName),
                ("@created_at", Time(session.CreatedAt)),
                ("@status", session.Status.ToString()),
                ("@machine_state", session.MachineState),
                ("@root_cause", session.RootCause),
                ("@outcome", session.Outcome),
                ("@finished_at", Time(session.FinishedAt)),
                ("@acknowledged_by", session.AcknowledgedBy),
                ("@acknowledged_at", Time(session.AcknowledgedAt)),
                ("@resolved_by", session.ResolvedBy),
                ("@resolved_at", Time(session.ResolvedAt)),
                ("@message_channel_id", session.MessageChannelId),
                ("@message_id", session.MessageId),
                ("@report_json", session.ReportJson),
                ("@owner", session.Owner),
                ("@account", session.Account),
            ],
            cancellationToken).ConfigureAwait(false);
    }

    public async Task<SessionRecord?> GetSessionAsync(string sessionId, CancellationToken cancellationToken)
    {
        var found = await QuerySessionsAsync($"SELECT {SessionColumns} FROM sessions WHERE id = @id", [("@id", sessionId)], cancellationToken).ConfigureAwait(false);
        return found.Count == 0 ? null : found[0];
    }

    public async Task UpdateSessionAsync(SessionRecord session, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        await using var c = await OpenAsync(cancellationToken).ConfigureAwait(false);

        // Deliberately leaves acknowledged_* and resolved_* alone: those change only through the atomic Try methods.
        await Sql.ExecuteAsync(
            c,
            null,
            """
            UPDATE sessions
               SET status = @status, machine_state = @machine_state, root_cause = @root_cause, outcome = @outcome,
                   finished_at = @finished_at, message_channel_id = @message_channel_id, message_id = @message_id,
                   report_json = @report_json, owner = @owner
             WHERE id = @id
            """,
            [
                ("@id", session.Id),
                ("@status", session.Status.ToString()),
                ("@machine_state", session.MachineState),
                ("@root_cause", session.RootCause),
                ("@outcome", session.Outcome),
                ("@finished_at", Time(session.FinishedAt)),
                ("@message_channel_id", session.MessageChannelId),
                ("@message_id", session.MessageId),
                ("@report_json", session.ReportJson),
                ("@owner", session.Owner),
            ],
            cancellationToken).ConfigureAwait(false);
    }

    public async Task<bool> TryAcknowledgeAsync(string sessionId, string who, DateTimeOffset at, CancellationToken cancellationToken)
    {
        await using var c = await OpenAsync(cancellationToken).ConfigureAwait(false);
        var rows = await Sql.ExecuteAsync(
            c,
            null,
            "UPDATE sessions SET acknowledged_by = @who, acknowledged_at = @at WHERE id = @id AND acknowledged_by IS NULL",
            [("@id", sessionId), ("@who", who), ("@at", Time(at))],
            cancellationToken).ConfigureAwait(false);
        return rows == 1;
    }

    public async Task<bool> TryResolveAsync(string sessionId, string who, DateTimeOffset at, CancellationToken cancellationToken)
    {
        await using var c = await OpenAsync(cancellationToken).ConfigureAwait(false);
        var rows = await Sql.ExecuteAsync(
            c,
            null,
            "UPDATE sessions SET resolved_by = @who, resolved_at = @at WHERE id = @id AND resolved_by IS NULL",
            [("@id", sessionId), ("@who", who), ("@at", Time(at))],
            cancellationToken).ConfigureAwait(false);
        return rows == 1;
    }

    public async Task<bool> TryMarkInterruptedAsync(string sessionId, DateTimeOffset at, CancellationToken cancellationToken)
    {
        await using var c = await OpenAsync(cancellationToken).ConfigureAwait(false);
        var rows = await Sql.ExecuteAsync(
            c,
            null,
            $"UPDATE sessions SET status = 'Interrupted', finished_at = @at WHERE id = @id AND status IN {Unfinished}",
            [("@id", sessionId), ("@at", Time(at))],
            cancellationToken).ConfigureAwait(false);
        return rows == 1;
    }

    public async Task SaveChartsAsync(string sessionId, IReadOnlyList<ChartSpec> charts, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(sessionId);
        var json = ChartJsonCodec.Serialize(charts);
        await using var c = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await Sql.ExecuteAsync(
            c,
            null,
            """
            INSERT INTO session_charts (session_id, charts_json) VALUES (@id, @json)
            ON CONFLICT (session_id) DO UPDATE SET charts_json = excluded.charts_json
            """,
            [("@id", sessionId), ("@json", json)],
            cancellationToken).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<ChartSpec>> GetChartsAsync(string sessionId, CancellationToken cancellationToken)
    {
        await using var c = await OpenAsync(cancellationToken).ConfigureAwait(false);
        var json = await Sql.ScalarAsync(c, null, "SELECT charts_json FROM session_charts WHERE session_id = @id", [("@id", sessionId)], cancellationToken).ConfigureAwait(false) as string;
        try
        {
            return ChartJsonCodec.Deserialize(json);
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"The stored charts of session {sessionId} cannot be read ({e.Message}); they were written by an incompatible version.", e);
        }
    }

    public async Task AppendAsync(IReadOnlyList<TranscriptEntry> entries, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entries);
        if (entries.Count == 0)
        {
            return;
        }

        await using var c = await OpenAsync(cancellationToken).ConfigureAwait(false);

        // One entry is one statement (atomic by itself); several go in one transaction, inserted in list order, so
        // the store's sequence numbers follow the caller's order and no reader sees half a batch.
        await using var tx = entries.Count > 1 ? await c.BeginTransactionAsync(cancellationToken).ConfigureAwait(false) : null;
        foreach (var e in entries)
        {
            await Sql.ExecuteAsync(
                c,
                tx,
                "INSERT INTO transcript_entries (session_id, at, kind, actor, text, data_json) VALUES (@session_id, @at, @kind, @actor, @text, @data_json)",
                [("@session_id", e.SessionId), ("@at", Time(e.At)), ("@kind", e.Kind.ToString()), ("@actor", e.Actor), ("@text", e.Text), ("@data_json", e.DataJson)],
                cancellationToken).ConfigureAwait(false);
        }

        if (tx is not null)
        {
            await tx.CommitAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    public async Task<IReadOnlyList<TranscriptEntry>> GetEntriesAsync(string sessionId, CancellationToken cancellationToken)
    {
        await using var c = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = Sql.Command(
            c,
            null,
            "SELECT session_id, sequence, at, kind, actor, text, data_json FROM transcript_entries WHERE session_id = @id ORDER BY sequence",
            [("@id", sessionId)]);
        await using var r = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var entries = new List<TranscriptEntry>();
        while (await r.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            entries.Add(new TranscriptEntry(
                r.GetString(0),
                r.GetInt64(1),
                dialect.ReadTimestamp(r, 2),
                Enum.Parse<TranscriptEntryKind>(r.GetString(3), ignoreCase: true),
                r.GetString(4),
                r.GetString(5),
                NullableString(r, 6)));
        }

        return entries;
    }

    public Task<IReadOnlyList<SessionRecord>> ListSessionsAsync(DateTimeOffset? since, string? loadBalancer, int limit, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(limit);
        var sql = new StringBuilder("SELECT " + SessionColumns + " FROM sessions WHERE 1 = 1");
        var parameters = new List<(string, object?)>();
        if (since is { } s)
        {
            sql.Append(" AND created_at >= @since");
            parameters.Add(("@since", Time(s)));
        }

        if (loadBalancer is not null)
        {
            sql.Append(" AND load_balancer = @load_balancer");
            parameters.Add(("@load_balancer", loadBalancer));
        }

        sql.Append(" ORDER BY created_at DESC, id DESC LIMIT @limit");
        parameters.Add(("@limit", limit));
        return QuerySessionsAsync(sql.ToString(), [.. parameters], cancellationToken);
    }

    public Task<IReadOnlyList<SessionRecord>> FindUnfinishedAsync(CancellationToken cancellationToken) =>
        QuerySessionsAsync($"SELECT {SessionColumns} FROM sessions WHERE status IN {Unfinished} ORDER BY created_at, id", [], cancellationToken);

    public async Task<bool> TryClaimInteractionAsync(string interactionId, string owner, DateTimeOffset at, CancellationToken cancellationToken)
    {
        await using var c = await OpenAsync(cancellationToken).ConfigureAwait(false);
        var rows = await Sql.ExecuteAsync(
            c,
            null,
            "INSERT INTO interaction_claims (interaction_id, owner, claimed_at) VALUES (@id, @owner, @at) ON CONFLICT (interaction_id) DO NOTHING",
            [("@id", interactionId), ("@owner", owner), ("@at", Time(at))],
            cancellationToken).ConfigureAwait(false);
        return rows == 1;
    }

    public async Task SaveInteractionReplyAsync(string interactionId, byte[] reply, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reply);
        await using var c = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await Sql.ExecuteAsync(
            c,
            null,
            "UPDATE interaction_claims SET reply = @reply WHERE interaction_id = @id",
            [("@id", interactionId), ("@reply", reply)],
            cancellationToken).ConfigureAwait(false);
    }

    public async Task<byte[]?> GetInteractionReplyAsync(string interactionId, CancellationToken cancellationToken)
    {
        await using var c = await OpenAsync(cancellationToken).ConfigureAwait(false);
        var value = await Sql.ScalarAsync(c, null, "SELECT reply FROM interaction_claims WHERE interaction_id = @id", [("@id", interactionId)], cancellationToken).ConfigureAwait(false);
        return value as byte[];
    }

    public async Task<int> DeleteOlderThanAsync(DateTimeOffset cutoff, CancellationToken cancellationToken)
    {
        await using var c = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var tx = await c.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        var at = Time(cutoff);
        await Sql.ExecuteAsync(c, tx, "DELETE FROM interaction_claims WHERE claimed_at < @cutoff", [("@cutoff", at)], cancellationToken).ConfigureAwait(false);

        // Entries go with their session (ON DELETE CASCADE).
        var sessions = await Sql.ExecuteAsync(c, tx, "DELETE FROM sessions WHERE created_at < @cutoff", [("@cutoff", at)], cancellationToken).ConfigureAwait(false);
        await tx.CommitAsync(cancellationToken).ConfigureAwait(false);
        return sessions;
    }

    private static string? NullableString(DbDataReader r, int ordinal) => r.IsDBNull(ordinal) ? null : r.GetString(ordinal);

    private object Time(DateTimeOffset value) => dialect.Timestamp(value);

    private object? Time(DateTimeOffset? value) => value is { } v ? dialect.Timestamp(v) : null;

    private DateTimeOffset? NullableTime(DbDataReader r, int ordinal) => r.IsDBNull(ordinal) ? null : dialect.ReadTimestamp(r, ordinal);

    private async Task<DbConnection> OpenAsync(CancellationToken cancellationToken)
    {
        if (!_migrated)
        {
            await _migrateGate.WaitAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                if (!_migrated)
                {
                    await MigrationRunner.ApplyAsync(dialect, cancellationToken).ConfigureAwait(false);
                    _migrated = true;
                }
            }
            finally
            {
                _migrateGate.Release();
            }
        }

        return await dialect.OpenAsync(cancellationToken).ConfigureAwait(false);
    }

    private async Task<IReadOnlyList<SessionRecord>> QuerySessionsAsync(string sql, (string Name, object? Value)[] parameters, CancellationToken cancellationToken)
    {
        await using var c = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = Sql.Command(c, null, sql, parameters);
        await using var r = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var sessions = new List<SessionRecord>();
        while (await r.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            sessions.Add(new SessionRecord(
                Id: r.GetString(0),
                Runbook: r.GetString(1),
                LoadBalancer: r.GetString(2),
                Region: r.GetString(3),
                WindowMinutes: Convert.ToInt32(r.GetValue(4), CultureInfo.InvariantCulture),
                Source: r.GetString(5),
                GuildId: NullableString(r, 6),
                ChannelId: NullableString(r, 7),
                StartedById: NullableString(r, 8),
                StartedByName: r.GetString(9),
                CreatedAt: dialect.ReadTimestamp(r, 10),
                Status: Enum.Parse<SessionStatus>(r.GetString(11), ignoreCase: true),
                MachineState: NullableString(r, 12),
                RootCause: NullableString(r, 13),
                Outcome: NullableString(r, 14),
                FinishedAt: NullableTime(r, 15),
                AcknowledgedBy: NullableString(r, 16),
                AcknowledgedAt: NullableTime(r, 17),
                ResolvedBy: NullableString(r, 18),
                ResolvedAt: NullableTime(r, 19),
                MessageChannelId: NullableString(r, 20),
                MessageId: NullableString(r, 21),
                ReportJson: NullableString(r, 22),
                Owner: NullableString(r, 23),
                Account: NullableString(r, 24)));
        }

        return sessions;
    }
}
