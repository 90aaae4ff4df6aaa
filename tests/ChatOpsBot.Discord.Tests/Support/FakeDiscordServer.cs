using System.Collections.Concurrent;
using System.Net;
using System.Threading.Channels;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ChatOpsBot.Discord.Tests.Support;

/// <summary>
/// A tiny Discord API on Kestrel (127.0.0.1, port 0) under <c>/api/v10/</c>: records every request and answers
/// from a queue of canned responses, then from <see cref="Default"/>.
/// </summary>
internal sealed class FakeDiscordServer : IAsyncDisposable
{
    private static readonly TimeSpan WaitLimit = TimeSpan.FromSeconds(15);

    private readonly WebApplication _app;
    private readonly ConcurrentQueue<CannedResponse> _scripted = new();
    private readonly ConcurrentQueue<RecordedRequest> _requests = new();
    private readonly Channel<RecordedRequest> _arrivals = Channel.CreateUnbounded<RecordedRequest>();

    private FakeDiscordServer(WebApplication app) => _app = app;

    public Uri ApiBaseUrl { get; private set; } = null!;

    /// <summary>The answer when nothing is scripted; a message by default.</summary>
    public Func<RecordedRequest, CannedResponse> Default { get; set; } = _ => CannedResponse.Message();

    public IReadOnlyList<RecordedRequest> Requests => [.. _requests];

    public static async Task<FakeDiscordServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var server = new FakeDiscordServer(app);
        app.Run(server.HandleAsync);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        server.ApiBaseUrl = new Uri($"{address.TrimEnd('/')}/api/v10/");
        return server;
    }

    public void Enqueue(params CannedResponse[] responses)
    {
        foreach (var response in responses)
        {
            _scripted.Enqueue(response);
        }
    }

    /// <summary>Waits (real time, bounded) for the next request to arrive.</summary>
    public async Task<RecordedRequest> NextRequestAsync()
    {
        using var timeout = new CancellationTokenSource(WaitLimit);
        try
        {
            return await _arrivals.Reader.ReadAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"No request reached the fake Discord API within {WaitLimit.TotalSeconds} s.");
        }
    }

    /// <summary>True when a request arrives within <paramref name="wait"/> (real time); used to show none was sent.</summary>
    public async Task<bool> RequestArrivesWithinAsync(TimeSpan wait)
    {
        using var timeout = new CancellationTokenSource(wait);
        try
        {
            return await _arrivals.Reader.WaitToReadAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private async Task HandleAsync(HttpContext context)
    {
        using var buffer = new MemoryStream();
        await context.Request.Body.CopyToAsync(buffer);
        var path = context.Request.Path.Value ?? string.Empty;
        const string Prefix = "/api/v10/";
        var recorded = new RecordedRequest(
            context.Request.Method,
            path.StartsWith(Prefix, StringComparison.Ordinal) ? path[Prefix.Length..] : path,
            context.Request.QueryString.Value ?? string.Empty,
            context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase),
            context.Request.ContentType,
            buffer.ToArray());
        _requests.Enqueue(recorded);

        var response = _scripted.TryDequeue(out var scripted) ? scripted : Default(recorded);
        context.Response.StatusCode = response.Status;
        foreach (var (name, value) in response.Headers ?? new Dictionary<string, string>())
        {
            context.Response.Headers[name] = value;
        }

        if (response.Body.Length > 0)
        {
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync(response.Body);
        }

        await context.Response.CompleteAsync();
        _arrivals.Writer.TryWrite(recorded);
    }
}
