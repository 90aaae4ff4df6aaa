using System.Text.Json.Nodes;

namespace ChatOpsBot.Testing;

/// <summary>A snapshot of what the fake knows about one interaction.</summary>
public sealed class FakeInteraction
{
    public required string Id { get; init; }

    public required string Token { get; init; }

    /// <summary>1 PING, 2 APPLICATION_COMMAND, 3 MESSAGE_COMPONENT, 4 AUTOCOMPLETE, 5 MODAL_SUBMIT.</summary>
    public required int Type { get; init; }

    /// <summary>The payload as sent.</summary>
    public required JsonObject Payload { get; init; }

    /// <summary>When it was first sent (TimeProvider), or null if only built.</summary>
    public DateTimeOffset? SentAt { get; init; }

    public int Deliveries { get; init; }

    public AcknowledgementKind Acknowledgement { get; init; }

    public DateTimeOffset? AcknowledgedAt { get; init; }

    /// <summary>The initial response object that acknowledged it.</summary>
    public JsonObject? InitialResponse { get; init; }

    public int? InitialResponseType => InitialResponse?["type"] is JsonValue v && v.TryGetValue(out int t) ? t : null;

    /// <summary>The message <c>@original</c> refers to, if any.</summary>
    public string? OriginalMessageId { get; init; }

    public IReadOnlyList<string> FollowupMessageIds { get; init; } = [];
}
