using System.Globalization;
using System.Text;
using System.Text.Json;
using ChatOpsBot.Runbooks.Sessions;

namespace ChatOpsBot.Runbooks.Sessions.Export;

/// <summary>
/// A session and its entries as one JSON document. The field names are a contract (camelCase, stable):
/// <code>
/// {
///   "formatVersion": 1,
///   "session": {
///     "id", "runbook", "loadBalancer", "region", "account" (alias or null), "windowMinutes", "source" ("discord" | "cli"),
///     "guildId", "channelId", "startedById", "startedByName", "createdAt",
///     "status" ("queued" | "running" | "finished" | "failed" | "interrupted"), "machineState", "rootCause", "outcome",
///     "finishedAt", "acknowledgedBy", "acknowledgedAt", "resolvedBy", "resolvedAt", "messageChannelId", "messageId",
///     "owner",
///     "report": the stored report as a JSON object (ReportJsonCodec form), or null when the session did not finish
///   },
///   "entries": [
///     { "sequence", "at", "kind" ("started" | "transition" | "awsCalls" | "message" | "click" | "outcome" | "note"),
///       "actor", "text", "data": the entry's JSON detail as an object, or null }
///   ]
/// }
/// </code>
/// Times are ISO-8601 UTC with milliseconds (<c>2026-03-01T12:00:00.123Z</c>); absent values are <c>null</c>, never
/// omitted. Entries are in sequence order. Stored JSON that does not parse is kept as a string.
/// </summary>
public static class TranscriptJson
{
    public const int FormatVersion = 1;

    public static string Write(SessionRecord session, IReadOnlyList<TranscriptEntry> entries)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(entries);
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            w.WriteStartObject();
            w.WriteNumber("formatVersion", FormatVersion);
            w.WriteStartObject("session");
            w.WriteString("id", session.Id);
            w.WriteString("runbook", session.Runbook);
            w.WriteString("loadBalancer", session.LoadBalancer);
            w.WriteString("region", session.Region);
            Nullable(w, "account", session.Account);
            w.WriteNumber("windowMinutes", session.WindowMinutes);
            w.WriteString("source", session.Source);
            Nullable(w, "guildId", session.GuildId);
            Nullable(w, "channelId", session.ChannelId);
            Nullable(w, "startedById", session.StartedById);
            w.WriteString("startedByName", session.StartedByName);
            Time(w, "createdAt", session.CreatedAt);
            w.WriteString("status", JsonNamingPolicy.CamelCase.ConvertName(session.Status.ToString()));
            Nullable(w, "machineState", session.MachineState);
            Nullable(w, "rootCause", session.RootCause);
            Nullable(w, "outcome", session.Outcome);
            Time(w, "finishedAt", session.FinishedAt);
            Nullable(w, "acknowledgedBy", session.AcknowledgedBy);
            Time(w, "acknowledgedAt", session.AcknowledgedAt);
            Nullable(w, "resolvedBy", session.ResolvedBy);
            Time(w, "resolvedAt", session.ResolvedAt);
            Nullable(w, "messageChannelId", session.MessageChannelId);
            Nullable(w, "messageId", session.MessageId);
            Nullable(w, "owner", session.Owner);
            Embedded(w, "report", session.ReportJson);
            w.WriteEndObject();

            w.WriteStartArray("entries");
            foreach (var e in entries.OrderBy(e => e.Sequence))
            {
                w.WriteStartObject();
                w.WriteNumber("sequence", e.Sequence);
                Time(w, "at", e.At);
                w.WriteString("kind", JsonNamingPolicy.CamelCase.ConvertName(e.Kind.ToString()));
                w.WriteString("actor", e.Actor);
                w.WriteString("text", e.Text);
                Embedded(w, "data", e.DataJson);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }

    private static void Nullable(Utf8JsonWriter w, string name, string? value)
    {
        if (value is null)
        {
            w.WriteNull(name);
        }
        else
        {
            w.WriteString(name, value);
        }
    }

    private static void Time(Utf8JsonWriter w, string name, DateTimeOffset? value) =>
        Nullable(w, name, value?.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture));

    private static void Embedded(Utf8JsonWriter w, string name, string? json)
    {
        if (json is null)
        {
            w.WriteNull(name);
            return;
        }

        try
        {
            using var doc = JsonDocument.Parse(json);
            w.WritePropertyName(name);
            doc.RootElement.WriteTo(w);
        }
        catch (JsonException)
        {
            w.WriteString(name, json);
        }
    }
}
