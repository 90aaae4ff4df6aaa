using ChatOpsBot.Discord.Commands;
using ChatOpsBot.Discord.Tests.Support;

namespace ChatOpsBot.Discord.Tests.Commands;

public sealed class CommandRegistrarTests
{
    [Fact]
    public async Task RegisterAsync_Global_OverwritesWithDiagnoseAndReturnsCount()
    {
        var rest = new RecordingRestClient();

        var count = await new CommandRegistrar(rest).RegisterAsync(null, CancellationToken.None);

        Assert.Equal(1, count);
        var (guild, commands) = Assert.Single(rest.Overwrites);
        Assert.Null(guild);
        Assert.Equal("diagnose", commands[0]!["name"]!.GetValue<string>());
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task RegisterAsync_AccountOption_IsSentOnlyWhenAccountsAreConfigured(bool accounts)
    {
        var rest = new RecordingRestClient();

        await new CommandRegistrar(rest, accounts).RegisterAsync(null, CancellationToken.None);

        var options = Assert.Single(rest.Overwrites).Commands[0]!["options"]![0]!["options"]!.AsArray().Select(o => o!["name"]!.GetValue<string>());
        Assert.Equal(accounts ? ["lb", "region", "account"] : ["lb", "region"], options);
    }

    [Theory]
    [InlineData("1000000000000000001", "1000000000000000001")]
    [InlineData("", null)]
    [InlineData(" ", null)]
    public async Task RegisterAsync_Guild_PassesTheGuildOn(string guildId, string? expected)
    {
        var rest = new RecordingRestClient();

        await new CommandRegistrar(rest).RegisterAsync(guildId, CancellationToken.None);

        Assert.Equal(expected, Assert.Single(rest.Overwrites).GuildId);
    }
}
