using ChatOpsBot.Discord.Components;
using ChatOpsBot.Runbooks.Messaging;

namespace ChatOpsBot.Discord.Tests.Components;

public sealed class CustomIdCodecTests
{
    [Fact]
    public void EncodeThenDecode_EveryAction_ComesBackTheSame()
    {
        foreach (var kind in Enum.GetValues<ChatActionKind>())
        {
            var command = new ButtonCommand(kind, "k3x9q2m7vz");

            var id = CustomIdCodec.Encode(command);

            Assert.Equal(command, CustomIdCodec.Decode(id));
            Assert.InRange(id.Length, 1, CustomIdCodec.MaxLength);
        }
    }

    [Fact]
    public void Encode_EveryActionHasItsOwnCode()
    {
        var codes = Enum.GetValues<ChatActionKind>().Select(k => CustomIdCodec.Encode(new ButtonCommand(k, "s1")).Split(':')[0]).ToArray();

        Assert.Equal(codes.Length, codes.Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public void CheckInstances_IsTheProbeCode()
    {
        Assert.Equal("probe:k3x9q2m7vz", CustomIdCodec.Encode(new ButtonCommand(ChatActionKind.CheckInstances, "k3x9q2m7vz")));
        Assert.Equal(new ButtonCommand(ChatActionKind.CheckInstances, "k3x9q2m7vz"), CustomIdCodec.Decode("probe:k3x9q2m7vz"));
    }

    [Theory]
    [InlineData("probe")]
    [InlineData("probe:")]
    [InlineData("Probe:k3x9q2m7vz")]
    [InlineData("probes:k3x9q2m7vz")]
    [InlineData("probe:K3X9")]
    [InlineData("probe:k3x9:arg:extra")]
    [InlineData("probe:k3x9:bad arg")]
    public void Decode_AnythingNotEncodedByTheBot_IsNull(string customId) => Assert.Null(CustomIdCodec.Decode(customId));

    [Fact]
    public void Decode_LongerThanDiscordsLimit_IsNull() =>
        Assert.Null(CustomIdCodec.Decode("probe:" + new string('a', 40) + ":" + new string('b', CustomIdCodec.MaxLength)));

    [Fact]
    public void Encode_BadSessionId_ThrowsNamingIt()
    {
        var e = Assert.Throws<ArgumentException>(() => CustomIdCodec.Encode(new ButtonCommand(ChatActionKind.CheckInstances, "Not An Id")));

        Assert.Contains("Not An Id", e.Message, StringComparison.Ordinal);
    }
}
