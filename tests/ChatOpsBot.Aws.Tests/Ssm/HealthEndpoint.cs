using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ChatOpsBot.Aws.Tests.Ssm;

/// <summary>A real HTTP listener standing in for an application on an instance: bound to the address given, answering
/// every request with one status (after an optional delay) and recording what the health check sent.</summary>
internal sealed class HealthEndpoint : IAsyncDisposable
{
    private readonly WebApplication _app;

    private HealthEndpoint(WebApplication app, int port)
    {
        _app = app;
        Port = port;
    }

    public int Port { get; }

    public ConcurrentQueue<(string Path, string Host, string UserAgent)> Requests { get; } = new();

    public static async Task<HealthEndpoint> StartAsync(IPAddress bind, int status, TimeSpan delay = default)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(o => o.Listen(bind, 0));
        var app = builder.Build();
        HealthEndpoint? self = null;
        app.Run(async context =>
        {
            self!.Requests.Enqueue((context.Request.Path + context.Request.QueryString, context.Request.Headers.Host.ToString(), context.Request.Headers.UserAgent.ToString()));
            if (delay > TimeSpan.Zero)
            {
                await Task.Delay(delay, context.RequestAborted);
            }

            context.Response.StatusCode = status;
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        self = new HealthEndpoint(app, new Uri(address.Replace("[::]", "localhost", StringComparison.Ordinal).Replace("0.0.0.0", "localhost", StringComparison.Ordinal)).Port);
        return self;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
