using System.Text.Json;
using ChatOpsBot.Runbooks.Sessions.Export;

namespace ChatOpsBot.Transcripts.Tests.Export;

public sealed class TranscriptJsonTests
{
    [Fact]
    public void Write_Session_HasTheDocumentedFieldsEntriesInOrderAndTheReportEmbedded()
    {
        var (session, entries) = TranscriptMarkdownTests.Incident();
        entries.Reverse();

        using var doc = JsonDocument.Parse(TranscriptJson.Write(session, entries));
        var root = doc.RootElement;

        Assert.Equal(["formatVersion", "session", "entries"], root.EnumerateObject().Select(p => p.Name));
        Assert.Equal(1, root.GetProperty("formatVersion").GetInt32());
        var s = root.GetProperty("session");
        Assert.Equal(
            ["id", "runbook", "loadBalancer", "region", "account", "windowMinutes", "source", "guildId", "channelId", "startedById", "startedByName",
             "createdAt", "status", "machineState", "rootCause", "outcome", "finishedAt", "acknowledgedBy", "acknowledgedAt", "resolvedBy",
             "resolvedAt", "messageChannelId", "messageId", "owner", "report"],
            s.EnumerateObject().Select(p => p.Name));
        Assert.Equal("s-42", s.GetProperty("id").GetString());
        Assert.Equal("finished", s.GetProperty("status").GetString());
        Assert.Equal("2026-03-01T12:00:00.123Z", s.GetProperty("createdAt").GetString());
        Assert.Equal("carol (555)", s.GetProperty("resolvedBy").GetString());
        Assert.Equal(JsonValueKind.Null, s.GetProperty("messageId").ValueKind);
        Assert.Equal("NetworkBlocked", s.GetProperty("report").GetProperty("rootCause").GetString());

        var e = root.GetProperty("entries").EnumerateArray().ToList();
        Assert.Equal([1L, 2, 3, 4, 5, 6], e.Select(x => x.GetProperty("sequence").GetInt64()));
        Assert.Equal(["sequence", "at", "kind", "actor", "text", "data"], e[0].EnumerateObject().Select(p => p.Name));
        Assert.Equal("started", e[0].GetProperty("kind").GetString());
        Assert.Equal("awsCalls", e[3].GetProperty("kind").GetString());
        Assert.Equal(JsonValueKind.Null, e[0].GetProperty("data").ValueKind);
        Assert.Equal("Open tcp/8080 from sg-0lb", e[2].GetProperty("data").GetProperty("fix").GetProperty("Summary").GetString());
    }

    [Fact]
    public void Write_UnfinishedSessionWithInvalidEntryData_ReportIsNullAndDataKeptAsString()
    {
        var (session, entries) = TranscriptMarkdownTests.Incident();

        using var doc = JsonDocument.Parse(TranscriptJson.Write(session with { ReportJson = null }, [entries[0] with { DataJson = "not json {" }]));

        Assert.Equal(JsonValueKind.Null, doc.RootElement.GetProperty("session").GetProperty("report").ValueKind);
        Assert.Equal("not json {", doc.RootElement.GetProperty("entries")[0].GetProperty("data").GetString());
    }
}
