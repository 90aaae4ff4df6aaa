using System.Text.Json.Nodes;

namespace ChatOpsBot.Testing;

/// <summary>The fake's mutable record of one interaction (guarded by the FakeDiscord lock).</summary>
internal sealed class InteractionState
{
    public required string Id { get; init; }

    public required string Token { get; set; }

    public required int Type { get; init; }

    public required JsonObject Payload { get; set; }

    public string? ChannelId { get; init; }

    /// <summary>For component interactions: the message the component is on.</summary>
    public string? ComponentMessageId { get; init; }

    public DateTimeOffset? SentAt { get; set; }

    public int Deliveries { get; set; }

    public AcknowledgementKind Acknowledgement { get; set; }

    public DateTimeOffset? AcknowledgedAt { get; set; }

    public JsonObject? InitialResponse { get; set; }

    public string? OriginalMessageId { get; set; }

    /// <summary>True once @original of a deferred response has been edited or deleted.</summary>
    public bool OriginalTouched { get; set; }

    public List<string> Followups { get; } = [];

    /// <summary>Completed once the bot's HTTP reply to the latest delivery has been judged.</summary>
    public TaskCompletionSource? PendingReply { get; set; }

    public int? InitialResponseType() => MessageRules.Int(InitialResponse?["type"]);

    public FakeInteraction Snapshot() => new()
    {
        Id = Id,
        Token = Token,
        Type = Type,
        Payload = (JsonObject)Payload.DeepClone(),
        SentAt = SentAt,
        Deliveries = Deliveries,
        Acknowledgement = Acknowledgement,
        AcknowledgedAt = AcknowledgedAt,
        InitialResponse = (JsonObject?)InitialResponse?.DeepClone(),
        OriginalMessageId = OriginalMessageId,
        FollowupMessageIds = [.. Followups],
    };
}
