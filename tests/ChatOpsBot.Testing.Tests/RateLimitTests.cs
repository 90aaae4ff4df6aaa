using System.Globalization;
using System.Text.Json.Nodes;

namespace ChatOpsBot.Testing.Tests;

public sealed class RateLimitTests
{
    private static readonly JsonObject Body = new() { ["content"] = "x", ["allowed_mentions"] = new JsonObject { ["parse"] = new JsonArray() } };

    private static string Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? values.Single() : throw new Xunit.Sdk.XunitException($"no {name} header");

    [Fact]
    public async Task A_route_answers_429_the_configured_number_of_times_with_Discords_body_and_headers()
    {
        await using var discord = await FakeDiscord.StartAsync();
        using var api = new DiscordApi(discord);
        discord.RateLimitNext(DiscordRoutes.CreateChannelMessage, times: 2, retryAfter: TimeSpan.FromSeconds(1.25));

        var (first, firstJson) = await api.SendAsync(HttpMethod.Post, $"channels/{discord.ChannelId}/messages", Body);
        var (second, _) = await api.SendAsync(HttpMethod.Post, $"channels/{discord.ChannelId}/messages", Body);
        var (third, _) = await api.SendAsync(HttpMethod.Post, $"channels/{discord.ChannelId}/messages", Body);

        Assert.Equal(429, (int)first.StatusCode);
        Assert.Equal(429, (int)second.StatusCode);
        Assert.Equal(1.25, firstJson!["retry_after"]!.GetValue<double>());
        Assert.False(firstJson["global"]!.GetValue<bool>());
        Assert.Equal("You are being rate limited.", firstJson["message"]!.GetValue<string>());
        Assert.Equal("2", Header(first, "Retry-After"));
        Assert.Equal("user", Header(first, "X-RateLimit-Scope"));
        Assert.Equal("0", Header(first, "X-RateLimit-Remaining"));
        Assert.Equal("1.25", Header(first, "X-RateLimit-Reset-After"));
        Assert.Matches("^[0-9a-f]{32}$", Header(first, "X-RateLimit-Bucket"));
        Assert.False(first.Headers.Contains("X-RateLimit-Global"));

        Assert.Equal(200, (int)third.StatusCode);
        Assert.Equal("5", Header(third, "X-RateLimit-Limit"));
        Assert.Equal("4", Header(third, "X-RateLimit-Remaining"));
        Assert.Equal(Header(first, "X-RateLimit-Bucket"), Header(third, "X-RateLimit-Bucket"));
        var reset = double.Parse(Header(third, "X-RateLimit-Reset"), CultureInfo.InvariantCulture);
        Assert.InRange(reset, discord.TimeProvider.GetUtcNow().ToUnixTimeSeconds() - 1, discord.TimeProvider.GetUtcNow().ToUnixTimeSeconds() + 3);
        Assert.Single(discord.ChannelMessages(discord.ChannelId));
        Assert.Equal([429, 429, 200], discord.Calls.Select(c => c.Status));
    }

    [Fact]
    public async Task A_global_429_says_so_in_headers_and_body()
    {
        await using var discord = await FakeDiscord.StartAsync();
        using var api = new DiscordApi(discord);
        discord.RateLimitNext(DiscordRoutes.Any, scope: RateLimitScope.Global, retryAfter: TimeSpan.FromSeconds(0.5));

        var (limited, json) = await api.SendAsync(HttpMethod.Post, $"channels/{discord.ChannelId}/messages", Body);
        var (ok, _) = await api.SendAsync(HttpMethod.Post, $"channels/{discord.ChannelId}/messages", Body);

        Assert.Equal(429, (int)limited.StatusCode);
        Assert.Equal("true", Header(limited, "X-RateLimit-Global"));
        Assert.Equal("global", Header(limited, "X-RateLimit-Scope"));
        Assert.Equal("1", Header(limited, "Retry-After"));
        Assert.True(json!["global"]!.GetValue<bool>());
        Assert.Equal(0.5, json["retry_after"]!.GetValue<double>());
        Assert.Equal(200, (int)ok.StatusCode);
    }

    [Fact]
    public async Task Buckets_count_down_per_top_level_resource_and_can_be_enforced()
    {
        await using var discord = await FakeDiscord.StartAsync(new FakeDiscordOptions { EnforceBucketLimits = true, BucketLimit = 2, BucketWindow = TimeSpan.FromMinutes(1) });
        using var api = new DiscordApi(discord);

        var statuses = new List<int>();
        for (var i = 0; i < 3; i++)
        {
            statuses.Add((int)(await api.SendAsync(HttpMethod.Post, $"channels/{discord.ChannelId}/messages", Body)).Response.StatusCode);
        }

        var (other, _) = await api.SendAsync(HttpMethod.Post, $"channels/{discord.OtherChannelId}/messages", Body);

        Assert.Equal([200, 200, 429], statuses);
        Assert.Equal(200, (int)other.StatusCode);
        Assert.Equal("1", Header(other, "X-RateLimit-Remaining"));
    }
}
