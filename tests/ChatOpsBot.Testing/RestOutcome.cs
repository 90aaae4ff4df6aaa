using System.Text.Json.Nodes;

namespace ChatOpsBot.Testing;

/// <summary>How the fake answers one REST request, and what to record about it.</summary>
internal sealed class RestOutcome(int status, JsonNode? body)
{
    public int Status { get; } = status;

    public JsonNode? Body { get; } = body;

    public int? ErrorCode => Status >= 400 && Body is JsonObject o && MessageRules.Int(o["code"]) is { } code and not 0 ? code : null;

    public string? InteractionId { get; set; }

    public string? InteractionToken { get; set; }

    public string? MessageId { get; set; }

    public bool? AllowedMentionsOk { get; set; }

    public List<string> Violations { get; } = [];

    public static RestOutcome Error(int code) => Error(DiscordErrors.Of(code));

    public static RestOutcome Error((int Status, JsonObject Body) error) => new(error.Status, error.Body);

    public static RestOutcome Invalid(FormErrors errors)
    {
        var outcome = new RestOutcome(400, errors.ToBody());
        outcome.Violations.AddRange(errors.Descriptions);
        return outcome;
    }
}
