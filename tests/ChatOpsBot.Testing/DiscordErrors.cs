using System.Text.Json.Nodes;

namespace ChatOpsBot.Testing;

/// <summary>Discord's JSON error bodies.</summary>
internal static class DiscordErrors
{
    public const int UnknownChannel = 10003;
    public const int UnknownMessage = 10008;
    public const int UnknownWebhook = 10015;
    public const int UnknownInteraction = 10062;
    public const int RequestEntityTooLarge = 40005;
    public const int AlreadyAcknowledged = 40060;
    public const int CannotSendEmptyMessage = 50006;
    public const int InvalidWebhookToken = 50027;
    public const int InvalidFormBody = 50035;
    public const int InvalidJson = 50109;

    public static JsonObject Body(int code, string message) => new() { ["message"] = message, ["code"] = code };

    public static (int Status, JsonObject Body) Of(int code) => code switch
    {
        UnknownChannel => (404, Body(code, "Unknown Channel")),
        UnknownMessage => (404, Body(code, "Unknown Message")),
        UnknownWebhook => (404, Body(code, "Unknown Webhook")),
        UnknownInteraction => (404, Body(code, "Unknown interaction")),
        RequestEntityTooLarge => (413, Body(code, "Request entity too large")),
        AlreadyAcknowledged => (400, Body(code, "Interaction has already been acknowledged.")),
        CannotSendEmptyMessage => (400, Body(code, "Cannot send an empty message")),
        InvalidWebhookToken => (401, Body(code, "Invalid Webhook Token")),
        InvalidJson => (400, Body(code, "The request body contains invalid JSON.")),
        _ => throw new ArgumentOutOfRangeException(nameof(code), code, "no canned body"),
    };

    public static JsonObject Unauthorized() => Body(0, "401: Unauthorized");

    public static JsonObject NotFound() => Body(0, "404: Not Found");

    public static JsonObject MethodNotAllowed() => Body(0, "405: Method Not Allowed");
}
