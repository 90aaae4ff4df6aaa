using System.Text.Json.Nodes;

namespace ChatOpsBot.Hosting;

/// <summary>
/// What <c>/readyz</c> answers: ready (200) only when the transcript store answers a query and the bot is not shutting
/// down; otherwise 503 with every failing check, what is wrong and what to fix. The configuration (the Discord public
/// key's shape included) is not a check here: it is validated at start, and an invalid one stops the host before it
/// listens.
/// <c>/healthz</c> stays "the process is up".
/// </summary>
internal sealed class Readiness(StoreProbe store, IHostApplicationLifetime lifetime)
{
    public async Task<IReadOnlyList<ReadinessCheck>> CheckAsync(CancellationToken cancellationToken)
    {
        return
        [
            lifetime.ApplicationStopping.IsCancellationRequested
                ? new ReadinessCheck("accepting-interactions", false, "The bot is shutting down: it finishes the diagnoses in flight and takes no new interactions.", "Nothing: another replica (or this one, restarted) answers.")
                : new ReadinessCheck("accepting-interactions", true),
            await store.CheckAsync(cancellationToken),
        ];
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
        await http.Response.WriteAsJsonAsync(body, http.RequestAborted);
    }
}
