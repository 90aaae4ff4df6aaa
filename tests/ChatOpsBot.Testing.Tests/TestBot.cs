using System.Collections.Concurrent;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using NSec.Cryptography;

namespace ChatOpsBot.Testing.Tests;

/// <summary>A minimal interactions endpoint for testing the fake: it verifies every request with NSec against the
/// fake's public key (401 when that fails) and lets the test decide the reply.</summary>
internal sealed class TestBot : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly PublicKey _publicKey;

    private TestBot(WebApplication app, PublicKey publicKey)
    {
        _app = app;
        _publicKey = publicKey;
    }

    /// <summary>Decides the reply to a verified interaction (default: PONG to PING, otherwise a type-5 deferral).</summary>
    public Func<JsonObject, HttpContext, Task> Reply { get; set; } = DefaultReply;

    public Uri InteractionsUrl { get; private set; } = new("http://127.0.0.1/");

    /// <summary>Every request: whether its signature verified, and its raw headers and body.</summary>
    public ConcurrentQueue<(bool Verified, string? Signature, string? Timestamp, byte[] Body)> Received { get; } = new();

    public static async Task<TestBot> StartAsync(string publicKeyHex)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var bot = new TestBot(app, PublicKey.Import(SignatureAlgorithm.Ed25519, Convert.FromHexString(publicKeyHex), KeyBlobFormat.RawPublicKey));
        app.MapPost("/interactions", bot.HandleAsync);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        bot.InteractionsUrl = new Uri(new Uri(address), "/interactions");
        return bot;
    }

    public static Task Json(HttpContext context, JsonNode body, int status = 200)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        return context.Response.WriteAsync(body.ToJsonString());
    }

    private static Task DefaultReply(JsonObject interaction, HttpContext context) =>
        Json(context, interaction["type"]!.GetValue<int>() == 1 ? new JsonObject { ["type"] = 1 } : new JsonObject { ["type"] = 5 });

    private async Task HandleAsync(HttpContext context)
    {
        using var buffer = new MemoryStream();
        await context.Request.Body.CopyToAsync(buffer);
        var body = buffer.ToArray();
        var signature = context.Request.Headers["X-Signature-Ed25519"].FirstOrDefault();
        var timestamp = context.Request.Headers["X-Signature-Timestamp"].FirstOrDefault();
        var verified = false;
        if (signature is { Length: 128 } && timestamp is not null)
        {
            try
            {
                verified = SignatureAlgorithm.Ed25519.Verify(_publicKey, [.. Encoding.UTF8.GetBytes(timestamp), .. body], Convert.FromHexString(signature));
            }
            catch (FormatException)
            {
                verified = false;
            }
        }

        Received.Enqueue((verified, signature, timestamp, body));
        if (!verified)
        {
            context.Response.StatusCode = 401;
            await context.Response.WriteAsync("invalid request signature");
            return;
        }

        await Reply((JsonObject)JsonNode.Parse(body)!, context);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
