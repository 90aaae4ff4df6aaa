using ChatOpsBot.Discord.Rest;
using Microsoft.Extensions.Time.Testing;

namespace ChatOpsBot.Discord.Tests.Rest;

public sealed class DiscordRateLimiterTests
{
    [Fact]
    public void BucketFor_ManyInteractionTokens_IdleBucketsAreForgotten()
    {
        var time = new FakeTimeProvider();
        var limiter = new DiscordRateLimiter(time);
        for (var i = 0; i < DiscordRateLimiter.PruneThreshold + 50; i++)
        {
            limiter.BucketFor(DiscordRoute.EditOriginal("1100000000000000001", $"token-{i}"));
        }

        var busy = limiter.BucketFor(DiscordRoute.CreateChannelMessage("1000000000000000002"));
        using var headers = new HttpResponseMessage();
        headers.Headers.Add("X-RateLimit-Remaining", "0");
        headers.Headers.Add("X-RateLimit-Reset-After", "600");
        limiter.Update(DiscordRoute.CreateChannelMessage("1000000000000000002"), busy, headers.Headers);
        time.Advance(DiscordRateLimiter.IdleBucketLifetime + TimeSpan.FromSeconds(1));

        var fresh = limiter.BucketFor(DiscordRoute.EditOriginal("1100000000000000001", "token-new"));

        Assert.Equal(2, limiter.BucketCount); // the still-exhausted channel bucket and the new one
        Assert.Same(busy, limiter.BucketFor(DiscordRoute.CreateChannelMessage("1000000000000000002")));
        Assert.Equal(TimeSpan.Zero, fresh.DelayAt(time.GetUtcNow()));
    }

    [Fact]
    public void Update_ResetEpochWithoutResetAfter_UsesTheEpoch()
    {
        var time = new FakeTimeProvider(DateTimeOffset.FromUnixTimeSeconds(1_470_173_000));
        var limiter = new DiscordRateLimiter(time);
        var route = DiscordRoute.CreateChannelMessage("1000000000000000002");
        var bucket = limiter.BucketFor(route);
        using var response = new HttpResponseMessage();
        response.Headers.Add("X-RateLimit-Remaining", "0");
        response.Headers.Add("X-RateLimit-Reset", "1470173023.123");

        limiter.Update(route, bucket, response.Headers);

        Assert.Equal(TimeSpan.FromMilliseconds(23_123), DiscordRateLimiter.RoundUp(bucket.DelayAt(time.GetUtcNow())));
    }

    [Fact]
    public void RoundUp_SubMillisecondRemainder_RoundsUpSoWaitsNeverEndEarly()
    {
        Assert.Equal(TimeSpan.FromMilliseconds(64_570), DiscordRateLimiter.RoundUp(TimeSpan.FromSeconds(64.57)));
        Assert.Equal(TimeSpan.FromMilliseconds(1), DiscordRateLimiter.RoundUp(TimeSpan.FromTicks(1)));
    }

    [Fact]
    public void Route_ToString_IsTheTemplateWithoutToken()
    {
        var route = DiscordRoute.CreateFollowup("1100000000000000001", "secret-token");

        Assert.Equal("POST /webhooks/{app}/{token}", route.ToString());
        Assert.DoesNotContain("secret-token", route.LimitKey, StringComparison.Ordinal);
    }
}
