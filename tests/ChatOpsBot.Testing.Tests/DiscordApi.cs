using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;

namespace ChatOpsBot.Testing.Tests;

/// <summary>A bare HttpClient against the fake's API, playing the bot's REST side in these tests.</summary>
internal sealed class DiscordApi : IDisposable
{
    private readonly HttpClient _http;

    public DiscordApi(FakeDiscord discord, bool withBotToken = true)
    {
        _http = new HttpClient { BaseAddress = discord.ApiBaseUrl };
        _http.DefaultRequestHeaders.UserAgent.ParseAdd("DiscordBot (https://example.invalid/chatopsbot, 1.0)");
        if (withBotToken)
        {
            _http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bot", discord.BotToken);
        }
    }

    public static StringContent JsonBody(JsonNode body) => new(body.ToJsonString(), Encoding.UTF8, "application/json");

    public async Task<(HttpResponseMessage Response, JsonNode? Json)> SendAsync(HttpMethod method, string relative, HttpContent? content = null)
    {
        using var request = new HttpRequestMessage(method, relative) { Content = content };
        var response = await _http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return (response, text.Length == 0 ? null : JsonNode.Parse(text));
    }

    public Task<(HttpResponseMessage Response, JsonNode? Json)> SendAsync(HttpMethod method, string relative, JsonNode body) =>
        SendAsync(method, relative, JsonBody(body));

    public void Dispose() => _http.Dispose();
}
