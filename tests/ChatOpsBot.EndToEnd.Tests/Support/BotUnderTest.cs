using ChatOpsBot.Hosting;
using ChatOpsBot.Simulation;
using ChatOpsBot.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace ChatOpsBot.EndToEnd.Tests.Support;

/// <summary>The whole bot as it runs in production, on loopback: the real host (Kestrel on port 0) and its
/// production clients, the simulated AWS behind it, and a fake Discord in front of it.</summary>
internal sealed class BotUnderTest : IAsyncDisposable
{
    private readonly bool _ownsShared;

    private BotUnderTest(SimulatedEnvironment aws, FakeDiscord discord, WebApplication app, Uri interactions, bool ownsShared)
    {
        _ownsShared = ownsShared;
        Aws = aws;
        Discord = discord;
        App = app;
        Interactions = interactions;
    }

    public SimulatedEnvironment Aws { get; }

    public FakeDiscord Discord { get; }

    public WebApplication App { get; }

    public Uri Interactions { get; }

    /// <summary>The configuration the host was built with (for example the transcript store's path).</summary>
    public IReadOnlyDictionary<string, string?> Settings { get; private init; } = new Dictionary<string, string?>();

    /// <param name="shared">Another bot's simulator and fake Discord, for a second replica (not disposed by this one).</param>
    public static async Task<BotUnderTest> StartAsync(string scenario = "sg-blocks-health-check", IReadOnlyDictionary<string, string?>? extra = null, Action<WebApplicationBuilder>? configure = null, BotUnderTest? shared = null)
    {
        var aws = shared?.Aws ?? await SimulatedEnvironment.StartAsync(scenario, null, CancellationToken.None);
        var discord = shared?.Discord ?? await FakeDiscord.StartAsync(new FakeDiscordOptions());
        var settings = new Dictionary<string, string?>
        {
            ["Discord:ApplicationId"] = discord.ApplicationId,
            ["Discord:PublicKey"] = discord.PublicKeyHex,
            ["Discord:BotToken"] = discord.BotToken,
            ["Discord:ApiBaseUrl"] = discord.ApiBaseUrl.ToString(),
            ["Discord:ProgressEditInterval"] = "00:00:00.050",
            ["Logging:LogLevel:Default"] = "Warning",
            ["Transcripts:Provider"] = "sqlite",
            ["Transcripts:SqlitePath"] = Path.Combine(Path.GetTempPath(), $"chatopsbot-e2e-{Guid.NewGuid():N}.db"),
        };
        foreach (var (k, v) in extra ?? new Dictionary<string, string?>())
        {
            settings[k] = v;
        }

        var app = BotHost.Build(aws.Settings, settings, "http://127.0.0.1:0", configure: configure);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new BotUnderTest(aws, discord, app, new Uri(new Uri(address), "/interactions"), ownsShared: shared is null) { Settings = settings };
    }

    public async ValueTask DisposeAsync()
    {
        await App.StopAsync();
        await App.DisposeAsync();
        if (_ownsShared)
        {
            await Discord.DisposeAsync();
            await Aws.DisposeAsync();
        }
    }
}
