using System.Text.Json;
using System.Text.Json.Nodes;
using ChatOpsBot.Cli;
using ChatOpsBot.Discord.Configuration;
using ChatOpsBot.Discord.Security;
using ChatOpsBot.Transcripts.Configuration;
using Microsoft.Extensions.Options;

namespace ChatOpsBot.Hosting;

/// <summary>
/// What <c>/readyz</c> answers: ready (200) only when the configuration is valid, the Discord signing key is loaded,
/// the transcript store answers a query, and the bot is not shutting down; otherwise 503 with every failing check,
/// what is wrong and what to fix. <c>/healthz</c> stays "the process is up".
/// </summary>
internal sealed class Readiness(IServiceProvider services, StoreProbe store, IHostApplicationLifetime lifetime)
{
    public async Task<IReadOnlyList<ReadinessCheck>> CheckAsync(CancellationToken cancellationToken)
    {
        var checks = new List<ReadinessCheck>
        {
            lifetime.ApplicationStopping.IsCancellationRequested
                ? new ReadinessCheck("accepting-interactions", false, "The bot is shutting down: it finishes the diagnoses in flight and takes no new interactions.", "Nothing: another replica (or this one, restarted) answers.")
                : new ReadinessCheck("accepting-interactions", true),
            Configuration(),
            SigningKey(),
        };
        checks.Add(checks[1].Ok ? await store.CheckAsync(cancellationToken) : new ReadinessCheck("transcript-store", false, "Not tried: the configuration is invalid.", "Fix the configuration first."));
        return checks;
    }

    public static async Task WriteAsync(HttpContext http, Readiness readiness)
    {
        var checks = await readiness.CheckAsync(http.RequestAborted);
        var ready = checks.All(c => c.Ok);
        var body = new JsonObject
        {
            ["status"] = ready ? "ready" : "not-ready",
            ["checks"] = new JsonArray([.. checks.Select(c =>
            {
                var o = new JsonObject { ["name"] = c.Name, ["ok"] = c.Ok };
                if (!c.Ok)
                {
                    o["problem"] = c.Problem;
                    o["fix"] = c.Fix;
                }

                return (JsonNode)o;
            })]),
        };
        http.Response.StatusCode = ready ? StatusCodes.Status200OK : StatusCodes.Status503ServiceUnavailable;
        http.Response.Headers.CacheControl = "no-store";
        await http.Response.WriteAsJsonAsync(body, new JsonSerializerOptions { WriteIndented = false }, http.RequestAborted);
    }

    private ReadinessCheck Configuration()
    {
        try
        {
            _ = services.GetRequiredService<IOptions<DiscordOptions>>().Value;
            _ = services.GetRequiredService<IOptions<TranscriptOptions>>().Value;
            _ = services.GetRequiredService<IOptions<ShutdownOptions>>().Value;
            _ = services.GetRequiredService<IOptions<ReadinessOptions>>().Value;
            return new ReadinessCheck("configuration", true);
        }
        catch (OptionsValidationException e)
        {
            return new ReadinessCheck("configuration", false, string.Join(" ", ConfigurationErrors.Sentences(e)), "Set the settings named above and restart the bot.");
        }
    }

    private ReadinessCheck SigningKey()
    {
        try
        {
            _ = services.GetRequiredService<InteractionSignatureVerifier>();
            return new ReadinessCheck("discord-signing-key", true);
        }
        catch (Exception e) when (e is ArgumentException or OptionsValidationException)
        {
            return new ReadinessCheck("discord-signing-key", false, "The Discord public key could not be loaded.", "Set Discord:PublicKey to the 64 hexadecimal characters shown as Public Key in the Developer Portal (General Information).");
        }
    }
}
