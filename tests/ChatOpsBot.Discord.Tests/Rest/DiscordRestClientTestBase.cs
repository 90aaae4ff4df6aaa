using ChatOpsBot.Discord.Configuration;
using ChatOpsBot.Discord.Rest;
using ChatOpsBot.Discord.Tests.Support;
using Microsoft.Extensions.Options;

namespace ChatOpsBot.Discord.Tests.Rest;

/// <summary>A fresh fake Discord API and fake clock per test, and a client pointed at them.</summary>
public abstract class DiscordRestClientTestBase : IAsyncLifetime
{
    internal const string ApplicationId = "1100000000000000001";
    internal const string BotToken = "fake-bot-token-EXAMPLE-secret-value_0123456789";
    internal const string InteractionToken = "aW50ZXJhY3Rpb246MTIwMDAwMDAwMDAwMDAwMDAwMTpzZWNyZXQtaW50ZXJhY3Rpb24tdG9rZW4";
    internal const string ChannelId = "1000000000000000002";

    private HttpClient? _http;

    internal FakeDiscordServer Server { get; private set; } = null!;

    internal RecordingTimeProvider Time { get; } = new();

    internal DiscordRestClient Client { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Server = await FakeDiscordServer.StartAsync();
        _http = new HttpClient { BaseAddress = Server.ApiBaseUrl };
        Client = new DiscordRestClient(_http, Options.Create(OptionsFor(Server)), Time);
    }

    public async Task DisposeAsync()
    {
        _http?.Dispose();
        await Server.DisposeAsync();
    }

    internal static DiscordOptions OptionsFor(FakeDiscordServer server) => new()
    {
        ApplicationId = ApplicationId,
        BotToken = BotToken,
        PublicKey = new string('a', 64),
        ApiBaseUrl = server.ApiBaseUrl,
    };

    internal static DiscordMessagePayload Text(string content) =>
        new(new System.Text.Json.Nodes.JsonObject { ["content"] = content }, []);
}
