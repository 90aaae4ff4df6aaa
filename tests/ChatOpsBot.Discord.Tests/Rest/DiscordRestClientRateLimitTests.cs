using System.Text.Json.Nodes;
using ChatOpsBot.Discord.Rest;
using ChatOpsBot.Discord.Tests.Support;

namespace ChatOpsBot.Discord.Tests.Rest;

public sealed class DiscordRestClientRateLimitTests : DiscordRestClientTestBase
{
    private static readonly TimeSpan Quiet = TimeSpan.FromMilliseconds(300);

    [Fact]
    public async Task TooManyRequests_WaitsRetryAfterFromBodyThenRetries()
    {
        Server.Enqueue(CannedResponse.TooManyRequests(2.5, headers: new Dictionary<string, string> { ["Retry-After"] = "3" }));
        var payload = Text("progress 3/7");

        var edit = Client.EditOriginalResponseAsync(InteractionToken, payload, CancellationToken.None);

        Assert.Equal(TimeSpan.FromSeconds(2.5), await Time.NextDelayAsync()); // the body's float, not the header's integer
        Assert.Single(Server.Requests);
        Assert.False(edit.IsCompleted);
        Time.Advance(TimeSpan.FromSeconds(2.5));
        var posted = await edit;

        Assert.Equal("1100000000000000001", posted.Id);
        Assert.Equal(2, Server.Requests.Count);
        Assert.Equal(Server.Requests[0].BodyText, Server.Requests[1].BodyText);
        Assert.False(payload.Json.ContainsKey("allowed_mentions"));
    }

    [Fact]
    public async Task TooManyRequests_WithoutBody_UsesRetryAfterHeader()
    {
        Server.Enqueue(new CannedResponse(429, string.Empty, new Dictionary<string, string> { ["Retry-After"] = "4" }));

        var create = Client.CreateChannelMessageAsync(ChannelId, Text("x"), CancellationToken.None);

        Assert.Equal(TimeSpan.FromSeconds(4), await Time.NextDelayAsync());
        Time.Advance(TimeSpan.FromSeconds(4));
        await create;
        Assert.Equal(2, Server.Requests.Count);
    }

    [Fact]
    public async Task TooManyRequests_Persisting_GivesUpWithDiscordApiException429()
    {
        Server.Default = _ => CannedResponse.TooManyRequests(1);

        var edit = Client.EditOriginalResponseAsync(InteractionToken, Text("x"), CancellationToken.None);
        for (var retry = 0; retry < DiscordRestClient.MaxRateLimitRetries; retry++)
        {
            Assert.Equal(TimeSpan.FromSeconds(1), await Time.NextDelayAsync());
            Time.Advance(TimeSpan.FromSeconds(1));
        }

        var error = await Assert.ThrowsAsync<DiscordApiException>(() => edit);
        Assert.Equal(429, error.Status);
        Assert.Equal(DiscordRestClient.MaxRateLimitRetries + 1, Server.Requests.Count);
        Assert.Contains("PATCH /webhooks/{app}/{token}/messages/@original", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(InteractionToken, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ExhaustedBucket_DelaysNextCallOnSameChannelUntilReset_OtherChannelGoesNow()
    {
        Server.Enqueue(new CannedResponse(200, """{"id":"1","channel_id":"1000000000000000002"}""", new Dictionary<string, string>
        {
            ["X-RateLimit-Limit"] = "5",
            ["X-RateLimit-Remaining"] = "0",
            ["X-RateLimit-Reset-After"] = "3.25",
            ["X-RateLimit-Bucket"] = "abcd1234",
        }));
        await Client.CreateChannelMessageAsync(ChannelId, Text("first"), CancellationToken.None);
        await Server.NextRequestAsync();

        var second = Client.CreateChannelMessageAsync(ChannelId, Text("second"), CancellationToken.None);
        Assert.Equal(TimeSpan.FromSeconds(3.25), await Time.NextDelayAsync());
        Assert.False(await Server.RequestArrivesWithinAsync(Quiet), "the second message must wait for the bucket to reset");

        await Client.CreateChannelMessageAsync("1000000000000000099", Text("elsewhere"), CancellationToken.None); // another top-level resource
        Assert.Equal("channels/1000000000000000099/messages", (await Server.NextRequestAsync()).Path);
        Assert.False(second.IsCompleted);

        Time.Advance(TimeSpan.FromSeconds(3.25));
        await second;
        Assert.Equal("second", JsonNode.Parse((await Server.NextRequestAsync()).Body)!["content"]!.GetValue<string>());
    }

    [Fact]
    public async Task ExhaustedBucket_SharedByRoutesOfOneChannel_DelaysTheEditToo()
    {
        var headers = new Dictionary<string, string> { ["X-RateLimit-Remaining"] = "0", ["X-RateLimit-Reset-After"] = "2", ["X-RateLimit-Bucket"] = "shared-msg" };
        Server.Default = _ => new CannedResponse(200, """{"id":"1","channel_id":"1000000000000000002"}""", headers);

        // The edit route learns its bucket hash first; the create route then reports the same hash and exhausts it.
        await Client.EditChannelMessageAsync(ChannelId, "1", Text("a"), CancellationToken.None);
        Time.Advance(TimeSpan.FromSeconds(2));
        await Client.CreateChannelMessageAsync(ChannelId, Text("b"), CancellationToken.None);

        var edit = Client.EditChannelMessageAsync(ChannelId, "1", Text("c"), CancellationToken.None);
        Assert.Equal(TimeSpan.FromSeconds(2), await Time.NextDelayAsync());
        Time.Advance(TimeSpan.FromSeconds(2));
        await edit;
        Assert.Equal(3, Server.Requests.Count);
    }

    [Fact]
    public async Task GlobalTooManyRequests_BlocksEveryBotRoute_ButNotInteractionRoutes()
    {
        Server.Enqueue(CannedResponse.TooManyRequests(64.57, global: true, new Dictionary<string, string>
        {
            ["Retry-After"] = "65",
            ["X-RateLimit-Global"] = "true",
            ["X-RateLimit-Scope"] = "global",
        }));

        var first = Client.CreateChannelMessageAsync(ChannelId, Text("blocked"), CancellationToken.None);
        Assert.Equal(TimeSpan.FromMilliseconds(64_570), await Time.NextDelayAsync());
        await Server.NextRequestAsync();

        var otherBotRoute = Client.OverwriteCommandsAsync(null, [], CancellationToken.None);
        Assert.Equal(TimeSpan.FromMilliseconds(64_570), await Time.NextDelayAsync());
        Assert.False(await Server.RequestArrivesWithinAsync(Quiet), "no bot-token request during a global rate limit");

        await Client.EditOriginalResponseAsync(InteractionToken, Text("webhooks are not blocked"), CancellationToken.None);
        Assert.StartsWith("webhooks/", (await Server.NextRequestAsync()).Path, StringComparison.Ordinal);

        Server.Default = r => r.Path.StartsWith("applications/", StringComparison.Ordinal) ? new CannedResponse(200, "[]") : CannedResponse.Message();
        Time.Advance(TimeSpan.FromMilliseconds(64_570));
        await first;
        await otherBotRoute;
        Assert.Equal(4, Server.Requests.Count);
    }

    [Fact]
    public async Task GlobalBodyFlagWithoutHeader_AlsoBlocksBotRoutes()
    {
        Server.Enqueue(new CannedResponse(429, Fixtures.Text("rate_limit_429_global.body.json")));

        var first = Client.CreateChannelMessageAsync(ChannelId, Text("x"), CancellationToken.None);
        Assert.Equal(TimeSpan.FromMilliseconds(64_570), await Time.NextDelayAsync());
        var second = Client.CreateChannelMessageAsync("1000000000000000099", Text("y"), CancellationToken.None);
        Assert.Equal(TimeSpan.FromMilliseconds(64_570), await Time.NextDelayAsync());

        Time.Advance(TimeSpan.FromSeconds(65));
        await Task.WhenAll(first, second);
        Assert.Equal(3, Server.Requests.Count);
    }

    [Fact]
    public async Task SharedScopeFixture_WaitsItsRetryAfter()
    {
        Server.Enqueue(new CannedResponse(429, Fixtures.Text("rate_limit_429_shared.body.json"), new Dictionary<string, string>
        {
            ["Retry-After"] = "1337",
            ["X-RateLimit-Remaining"] = "9",
            ["X-RateLimit-Reset-After"] = "64.57",
            ["X-RateLimit-Bucket"] = "abcd1234",
            ["X-RateLimit-Scope"] = "shared",
        }));

        var create = Client.CreateChannelMessageAsync(ChannelId, Text("x"), CancellationToken.None);

        Assert.Equal(TimeSpan.FromMilliseconds(1_336_570), await Time.NextDelayAsync());
        Time.Advance(TimeSpan.FromMilliseconds(1_336_570));
        await create;
    }

    [Fact]
    public async Task GlobalLimit_FiftyBotRequestsPerSecond_InteractionRoutesNotCounted()
    {
        for (var i = 0; i < DiscordRateLimiter.GlobalRequestsPerSecond; i++)
        {
            await Client.CreateChannelMessageAsync($"10000000000000001{i:00}", Text("x"), CancellationToken.None);
        }

        Assert.False(Time.HasPendingDelay);
        var fiftyFirst = Client.CreateChannelMessageAsync("1000000000000000299", Text("x"), CancellationToken.None);
        Assert.Equal(TimeSpan.FromSeconds(1), await Time.NextDelayAsync());

        for (var i = 0; i < 5; i++)
        {
            await Client.EditOriginalResponseAsync(InteractionToken, Text($"progress {i}"), CancellationToken.None);
        }

        Assert.Equal(55, Server.Requests.Count);
        Assert.False(fiftyFirst.IsCompleted);
        Time.Advance(TimeSpan.FromSeconds(1));
        await fiftyFirst;
        Assert.Equal(56, Server.Requests.Count);
    }

    [Fact]
    public async Task Cancellation_DuringRateLimitWait_Throws()
    {
        Server.Enqueue(CannedResponse.TooManyRequests(30));
        using var cancellation = new CancellationTokenSource();

        var edit = Client.EditOriginalResponseAsync(InteractionToken, Text("x"), cancellation.Token);
        await Time.NextDelayAsync();
        await cancellation.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => edit);
    }
}
