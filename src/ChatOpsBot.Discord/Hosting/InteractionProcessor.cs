using System.Data.Common;
using System.Globalization;
using ChatOpsBot.Discord.Configuration;
using ChatOpsBot.Discord.Handlers;
using ChatOpsBot.Discord.Interactions;
using ChatOpsBot.Discord.Security;
using ChatOpsBot.Discord.Telemetry;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ChatOpsBot.Discord.Hosting;

/// <summary>
/// The door: reads the raw body, verifies the Ed25519 signature over timestamp + body before anything is parsed,
/// refuses stale timestamps, answers PING, and hands everything else to the router exactly once per interaction id.
/// </summary>
public sealed partial class InteractionProcessor(
    InteractionSignatureVerifier verifier,
    InteractionDeduplicator deduplicator,
    InteractionRouter router,
    IOptions<DiscordOptions> options,
    TimeProvider time,
    ILogger<InteractionProcessor> logger)
{
    /// <summary>Interaction bodies are small; anything larger is not from Discord.</summary>
    public const int MaxBodyBytes = 1 << 20;

    public async Task HandleAsync(HttpContext http)
    {
        var body = await ReadBodyAsync(http.Request, http.RequestAborted);
        if (body is null)
        {
            await WriteAsync(http, StatusCodes.Status413PayloadTooLarge, "text/plain", "request too large"u8.ToArray());
            return;
        }

        var signature = http.Request.Headers["X-Signature-Ed25519"].ToString();
        var timestamp = http.Request.Headers["X-Signature-Timestamp"].ToString();
        if (!verifier.Verify(signature, timestamp, body))
        {
            Rejected(logger, "bad or missing signature");
            await WriteAsync(http, StatusCodes.Status401Unauthorized, "text/plain", "invalid request signature"u8.ToArray());
            return;
        }

        if (!long.TryParse(timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
            || (time.GetUtcNow() - DateTimeOffset.FromUnixTimeSeconds(seconds)).Duration() > options.Value.MaxSignatureAge)
        {
            Rejected(logger, "stale signature timestamp");
            await WriteAsync(http, StatusCodes.Status401Unauthorized, "text/plain", "stale request signature"u8.ToArray());
            return;
        }

        var interaction = InteractionParser.Parse(body);
        if (interaction is null)
        {
            await WriteAsync(http, StatusCodes.Status400BadRequest, "text/plain", "not an interaction"u8.ToArray());
            return;
        }

        DiscordMetrics.Interactions.Add(1, new KeyValuePair<string, object?>("type", TypeTag(interaction.Type)));
        if (interaction.Type == InteractionType.Ping)
        {
            await WriteAsync(http, StatusCodes.Status200OK, "application/json", InteractionReply.Pong.ToUtf8());
            return;
        }

        using var scope = LogScopes.Interaction(logger, interaction);
        var (reply, first) = await deduplicator.ProcessOnceAsync(
            interaction.Id,
            async () => (await RouteOrExplainAsync(interaction, http.RequestAborted)).ToUtf8(),
            () => new InteractionReply(CallbackType.ChannelMessageWithSource, Rendering.DiscordRenderer.Render(
                Runbooks.Messaging.DiagnosisMessages.Notice("Already handled", "This interaction is already being handled."), "notice", ephemeral: true).Json).ToUtf8());
        if (!first)
        {
            Duplicate(logger, interaction.Id);
        }

        await WriteAsync(http, StatusCodes.Status200OK, "application/json", reply);
    }

    /// <summary>Routes the interaction; when the transcript store cannot be reached (a session cannot be stored or
    /// loaded), answers with a private sentence saying so instead of an HTTP 500, which Discord would only show as
    /// "This interaction failed". Nothing was started, so nothing is lost.</summary>
    private async Task<InteractionReply> RouteOrExplainAsync(Interaction interaction, CancellationToken cancellationToken)
    {
        try
        {
            return await router.RouteAsync(interaction, cancellationToken);
        }
        catch (DbException e)
        {
            StoreDown(logger, interaction.Id, e.GetType().Name);
            return interaction.Type == InteractionType.ApplicationCommandAutocomplete
                ? new InteractionReply(CallbackType.ApplicationCommandAutocompleteResult, Rendering.DiscordRenderer.Choices([]))
                : new InteractionReply(CallbackType.ChannelMessageWithSource, Rendering.DiscordRenderer.Render(
                    Runbooks.Messaging.DiagnosisMessages.Notice(
                        "Bot storage unavailable",
                        "ChatOpsBot cannot reach its transcript database right now, so it can neither start nor record a diagnosis: nothing was done. Try again in a minute; operators see the cause at /readyz and in the bot's log."),
                    "notice",
                    ephemeral: true).Json);
        }
    }

    private static string TypeTag(InteractionType type) => type switch
    {
        InteractionType.Ping => "ping",
        InteractionType.ApplicationCommand => "application_command",
        InteractionType.MessageComponent => "message_component",
        InteractionType.ApplicationCommandAutocomplete => "autocomplete",
        InteractionType.ModalSubmit => "modal_submit",
        _ => "other",
    };

    private static async Task<byte[]?> ReadBodyAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (request.ContentLength > MaxBodyBytes)
        {
            return null;
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > MaxBodyBytes)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }

    private static async Task WriteAsync(HttpContext http, int status, string contentType, byte[] body)
    {
        http.Response.StatusCode = status;
        http.Response.ContentType = contentType;
        http.Response.ContentLength = body.Length;
        await http.Response.Body.WriteAsync(body, http.RequestAborted);
    }

    [LoggerMessage(EventId = 2404, Level = LogLevel.Error, Message = "Interaction {InteractionId} answered with 'storage unavailable': the transcript store failed ({ExceptionType}); see /readyz")]
    private static partial void StoreDown(ILogger logger, string interactionId, string exceptionType);

    [LoggerMessage(EventId = 2401, Level = LogLevel.Warning, Message = "Interaction refused: {Reason}")]
    private static partial void Rejected(ILogger logger, string reason);

    [LoggerMessage(EventId = 2402, Level = LogLevel.Information, Message = "Interaction {InteractionId} delivered again: answered with the first reply, no new work")]
    private static partial void Duplicate(ILogger logger, string interactionId);
}
