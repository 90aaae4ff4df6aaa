using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ChatOpsBot.Aws.Tests.Infrastructure;

/// <summary>A Kestrel server on 127.0.0.1:0 that answers with canned AWS bodies and records every request.</summary>
public sealed class FakeAwsServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<RecordedRequest> _requests = new();
    private Func<RecordedRequest, CannedResponse> _responder;

    private FakeAwsServer(WebApplication app, Func<RecordedRequest, CannedResponse> responder)
    {
        _app = app;
        _responder = responder;
    }

    public Uri Uri { get; private set; } = null!;

    public IReadOnlyList<RecordedRequest> Requests => [.. _requests];

    public static async Task<FakeAwsServer> StartAsync(Func<RecordedRequest, CannedResponse> responder)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var server = new FakeAwsServer(app, responder);
        app.Run(server.HandleAsync);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        server.Uri = new Uri(address.EndsWith('/') ? address : address + "/");
        return server;
    }

    /// <summary>Answers by action name; unknown actions get a 400 InvalidAction.</summary>
    public static Task<FakeAwsServer> StartAsync(IReadOnlyDictionary<string, Func<RecordedRequest, CannedResponse>> byAction) =>
        StartAsync(request => byAction.TryGetValue(request.Action, out var respond)
            ? respond(request)
            : CannedResponse.QueryError(400, "InvalidAction", $"no canned answer for '{request.Action}'"));

    public void Respond(Func<RecordedRequest, CannedResponse> responder) => _responder = responder;

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private async Task HandleAsync(HttpContext context)
    {
        using var reader = new StreamReader(context.Request.Body);
        var body = await reader.ReadToEndAsync(context.RequestAborted);
        var headers = context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase);
        var request = new RecordedRequest(context.Request.Method, context.Request.Path.Value ?? "/", headers, body);
        _requests.Enqueue(request);
        var response = _responder(request);
        context.Response.StatusCode = response.Status;
        context.Response.ContentType = response.ContentType;
        context.Response.Headers["x-amzn-RequestId"] = "00000000-0000-0000-0000-000000000000";
        await context.Response.WriteAsync(response.Body, context.RequestAborted);
    }
}
