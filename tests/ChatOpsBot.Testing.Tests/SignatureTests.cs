using System.Text;
using System.Text.Json.Nodes;
using NSec.Cryptography;

namespace ChatOpsBot.Testing.Tests;

public sealed class SignatureTests
{
    [Fact]
    public async Task Sign_produces_a_signature_that_verifies_against_PublicKeyHex()
    {
        await using var discord = await FakeDiscord.StartAsync();
        var body = Encoding.UTF8.GetBytes("{\"type\":1}");
        var signature = discord.Sign("1657322078", body);

        Assert.Matches("^[0-9a-f]{128}$", signature);
        Assert.Matches("^[0-9a-f]{64}$", discord.PublicKeyHex);
        var key = PublicKey.Import(SignatureAlgorithm.Ed25519, Convert.FromHexString(discord.PublicKeyHex), KeyBlobFormat.RawPublicKey);
        Assert.True(SignatureAlgorithm.Ed25519.Verify(key, [.. Encoding.UTF8.GetBytes("1657322078"), .. body], Convert.FromHexString(signature)));
        Assert.False(SignatureAlgorithm.Ed25519.Verify(key, [.. Encoding.UTF8.GetBytes("1657322079"), .. body], Convert.FromHexString(signature)));
    }

    [Fact]
    public async Task SendAsync_signs_timestamp_plus_raw_body_and_records_the_reply_as_the_initial_callback()
    {
        await using var discord = await FakeDiscord.StartAsync();
        await using var bot = await TestBot.StartAsync(discord.PublicKeyHex);
        var ping = discord.Ping();

        var reply = await discord.SendAsync(bot.InteractionsUrl, ping);

        var received = Assert.Single(bot.Received);
        Assert.True(received.Verified);
        Assert.InRange(long.Parse(received.Timestamp!, System.Globalization.CultureInfo.InvariantCulture), discord.TimeProvider.GetUtcNow().ToUnixTimeSeconds() - 5, discord.TimeProvider.GetUtcNow().ToUnixTimeSeconds());
        Assert.Equal(ping.ToJsonString(), Encoding.UTF8.GetString(received.Body));
        Assert.Equal(200, reply.StatusCode);
        Assert.Equal(1, reply.CallbackType);
        Assert.True(reply.Acknowledged);
        Assert.Empty(reply.Violations);
        var call = Assert.Single(discord.Calls);
        Assert.Equal(CallKind.InitialReply, call.Kind);
        Assert.Equal(ping["id"]!.GetValue<string>(), call.InteractionId);
        Assert.Equal(AcknowledgementKind.HttpReply, discord.GetInteraction(call.InteractionId!).Acknowledgement);
    }

    [Theory]
    [InlineData(SignatureFault.FlippedBit)]
    [InlineData(SignatureFault.WrongKey)]
    [InlineData(SignatureFault.BodyChangedAfterSigning)]
    [InlineData(SignatureFault.TimestampMismatch)]
    [InlineData(SignatureFault.MissingSignature)]
    [InlineData(SignatureFault.MissingTimestamp)]
    [InlineData(SignatureFault.MalformedSignature)]
    public async Task Spoiled_signatures_do_not_verify_and_a_401_is_what_Discord_expects(SignatureFault fault)
    {
        await using var discord = await FakeDiscord.StartAsync();
        await using var bot = await TestBot.StartAsync(discord.PublicKeyHex);
        var command = discord.SlashCommand(["diagnose", "503"], new Dictionary<string, object> { ["lb"] = "web-alb" });

        var reply = await discord.SendWithBadSignatureAsync(bot.InteractionsUrl, command, fault);

        Assert.False(Assert.Single(bot.Received).Verified);
        Assert.Equal(401, reply.StatusCode);
        Assert.True(reply.Probe);
        Assert.False(reply.Acknowledged);
        Assert.Empty(reply.Violations);
        Assert.Null(discord.GetInteraction(command["id"]!.GetValue<string>()).SentAt);
    }

    [Fact]
    public async Task A_bot_that_accepts_a_bad_signature_is_reported()
    {
        await using var discord = await FakeDiscord.StartAsync();
        await using var bot = await TestBot.StartAsync(discord.PublicKeyHex);
        var reply = await discord.SendWithBadSignatureAsync(bot.InteractionsUrl, discord.Ping(), SignatureFault.MissingSignature);
        Assert.Equal(401, reply.StatusCode);

        // The TestBot verifies; simulate a broken bot by pointing a probe at an endpoint that always says 200.
        bot.Reply = (_, context) => TestBot.Json(context, new JsonObject { ["type"] = 1 });
        var stale = await discord.SendWithStaleTimestampAsync(bot.InteractionsUrl, discord.Ping(), TimeSpan.FromMinutes(10));
        var received = bot.Received.Last();
        Assert.True(received.Verified);
        var tenMinutesAgo = discord.TimeProvider.GetUtcNow().AddMinutes(-10).ToUnixTimeSeconds();
        Assert.InRange(long.Parse(received.Timestamp!, System.Globalization.CultureInfo.InvariantCulture), tenMinutesAgo - 5, tenMinutesAgo);
        Assert.Equal(200, stale.StatusCode);
        Assert.Contains(stale.Violations, v => v.Contains("accepted a request", StringComparison.Ordinal));
    }
}
