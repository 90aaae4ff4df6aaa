using System.Text.Json.Nodes;

namespace ChatOpsBot.Testing;

/// <summary>One exchange seen by the fake, in order: a REST request by the bot, or the bot's HTTP reply to an
/// interaction (the inline initial callback).</summary>
public sealed class RecordedCall
{
    /// <summary>1, 2, 3… in the order the fake finished handling the calls.</summary>
    public required long Sequence { get; init; }

    /// <summary>When the call arrived (REST) or when the interaction was sent (reply), on the fake's TimeProvider.</summary>
    public required DateTimeOffset At { get; init; }

    public required CallKind Kind { get; init; }

    /// <summary>HTTP method (<c>REPLY</c> for an initial reply).</summary>
    public required string Method { get; init; }

    /// <summary>One of the <see cref="DiscordRoutes"/> constants.</summary>
    public required string Route { get; init; }

    /// <summary>The request path and query relative to the API base (or the bot URL for a reply).</summary>
    public required string Path { get; init; }

    public string? InteractionId { get; init; }

    public string? InteractionToken { get; init; }

    /// <summary>The JSON body (for multipart: the parsed <c>payload_json</c>), or null.</summary>
    public JsonNode? Json { get; init; }

    public IReadOnlyList<UploadedFile> Files { get; init; } = [];

    /// <summary>The status the fake answered (REST) or the bot answered (reply).</summary>
    public required int Status { get; init; }

    /// <summary>The JSON the fake answered (REST), or null.</summary>
    public JsonNode? Response { get; init; }

    /// <summary>Discord's JSON error code when the fake rejected the call (10062, 40060, 50035, 10015, 50027…).</summary>
    public int? ErrorCode { get; init; }

    /// <summary>The message the call created or edited, if any.</summary>
    public string? MessageId { get; init; }

    /// <summary>Problems Discord would not reject but tests should see: <c>allowed_mentions</c> missing or not
    /// <c>parse: []</c>, a reply without JSON content type, deprecated follow-up-edits-deferral, duplicate
    /// acknowledgements, missing User-Agent, and the additional validator's findings. Also the 50035 details.</summary>
    public IReadOnlyList<string> Violations { get; init; } = [];

    /// <summary>For a message payload: true when it had <c>allowed_mentions</c> with an empty <c>parse</c>; null when
    /// the call carried no message content.</summary>
    public bool? AllowedMentionsOk { get; init; }

    public string? Authorization { get; init; }

    public string? UserAgent { get; init; }

    /// <summary>For replies, the wall-clock time from sending the interaction to having the reply.</summary>
    public TimeSpan? Elapsed { get; init; }

    public override string ToString() =>
        $"#{Sequence} {Route} -> {Status}{(ErrorCode is { } c ? $" (code {c})" : "")}{(Violations.Count > 0 ? $" [{string.Join("; ", Violations)}]" : "")}";
}
