using System.Text.Json.Nodes;

namespace ChatOpsBot.Testing;

/// <summary>The bot's HTTP reply to an interaction the fake sent, as Discord would judge it.</summary>
public sealed class InteractionReply
{
    public required string InteractionId { get; init; }

    public string? InteractionToken { get; init; }

    public required int StatusCode { get; init; }

    public string? ContentType { get; init; }

    /// <summary>The raw reply body.</summary>
    public required byte[] Body { get; init; }

    /// <summary>The interaction response object (for a multipart reply: its <c>payload_json</c>), or null.</summary>
    public JsonObject? Json { get; init; }

    public IReadOnlyList<UploadedFile> Files { get; init; } = [];

    /// <summary>Wall-clock time from sending to having the whole reply.</summary>
    public required TimeSpan Elapsed { get; init; }

    /// <summary>True when this reply acknowledged the interaction (a valid response object within the deadline, and
    /// the interaction not already acknowledged).</summary>
    public required bool Acknowledged { get; init; }

    /// <summary>True when the reply came within <see cref="FakeDiscordOptions.InitialResponseDeadline"/>.</summary>
    public required bool WithinDeadline { get; init; }

    /// <summary>True for a probe (bad/missing/stale signature): never counts as an acknowledgement.</summary>
    public bool Probe { get; init; }

    /// <summary>True when this was a repeated delivery of an interaction already sent.</summary>
    public bool Duplicate { get; init; }

    /// <summary>Why Discord would not accept the reply, or what tests should know (see <see cref="RecordedCall.Violations"/>).</summary>
    public IReadOnlyList<string> Violations { get; init; } = [];

    /// <summary>See <see cref="RecordedCall.AllowedMentionsOk"/>.</summary>
    public bool? AllowedMentionsOk { get; init; }

    /// <summary>The callback type (1 PONG, 4 message, 5 deferred, 6 deferred update, 7 update, 8 autocomplete, 9 modal).</summary>
    public int? CallbackType => Json?["type"] is JsonValue v && v.TryGetValue(out int t) ? t : null;

    public override string ToString() =>
        $"{StatusCode} type={CallbackType?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "-"} in {Elapsed.TotalMilliseconds:F0} ms{(Violations.Count > 0 ? $" [{string.Join("; ", Violations)}]" : "")}";
}
