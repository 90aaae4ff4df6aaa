using System.Text.Json;
using System.Text.Json.Serialization;
using ChatOpsBot.Runbooks.Findings;

namespace ChatOpsBot.Runbooks.Rendering;

/// <summary>Stores a <see cref="DiagnosisReport"/> as JSON and reads it back (camelCase, enums as names), so a
/// finished session can be re-rendered after a restart or on another replica.</summary>
public static class ReportJsonCodec
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
    };

    public static string Serialize(DiagnosisReport report) => JsonSerializer.Serialize(report, Options);

    public static DiagnosisReport? Deserialize(string? json) =>
        string.IsNullOrWhiteSpace(json) ? null : JsonSerializer.Deserialize<DiagnosisReport>(json, Options);
}
