using System.Text.Json;
using System.Text.Json.Serialization;
using ChatOpsBot.Runbooks.Charts;

namespace ChatOpsBot.Runbooks.Rendering;

/// <summary>Stores a session's <see cref="ChartSpec"/>s as JSON and reads them back (the report codec's conventions,
/// plus NaN and infinities written as names), so charts can be drawn again after a restart, on another replica or
/// for a transcript export.</summary>
public static class ChartJsonCodec
{
    public static JsonSerializerOptions Options { get; } = new(ReportJsonCodec.Options)
    {
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    public static string Serialize(IReadOnlyList<ChartSpec> charts)
    {
        ArgumentNullException.ThrowIfNull(charts);
        return JsonSerializer.Serialize(charts, Options);
    }

    /// <summary>The charts, or none for null or blank JSON.</summary>
    /// <exception cref="JsonException">The JSON is not a list of charts.</exception>
    public static IReadOnlyList<ChartSpec> Deserialize(string? json) =>
        string.IsNullOrWhiteSpace(json) ? [] : JsonSerializer.Deserialize<ChartSpec[]>(json, Options) ?? [];
}
