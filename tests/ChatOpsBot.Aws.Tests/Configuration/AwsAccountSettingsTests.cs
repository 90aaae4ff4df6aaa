using ChatOpsBot.Aws.Configuration;
using ChatOpsBot.Aws.Sts;

namespace ChatOpsBot.Aws.Tests.Configuration;

public sealed class AwsAccountSettingsTests
{
    private const string Role = "arn:aws:iam::210987654321:role/chatopsbot-read";

    [Theory]
    [InlineData("arn:aws:iam::210987654321:user/alice", "Aws:Accounts:prod:RoleArn must be an IAM role ARN")]
    [InlineData("210987654321", "Aws:Accounts:prod:RoleArn must be an IAM role ARN")]
    [InlineData("arn:aws:iam::2109876543:role/x", "Aws:Accounts:prod:RoleArn must be an IAM role ARN")]
    [InlineData("", "Aws:Accounts:prod:RoleArn is missing")]
    public void Validate_MalformedRoleArn_NamesTheSetting(string roleArn, string expected)
    {
        var ex = Assert.Throws<ArgumentException>(() => Settings(("prod", new AwsAccountSettings { RoleArn = roleArn })).Validate());

        Assert.StartsWith(expected, ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("prod account")]
    [InlineData("-prod")]
    [InlineData("prod/eu")]
    [InlineData("an-alias-that-is-far-too-long-for-discord")]
    public void Validate_AliasOutsideTheCharset_NamesTheAlias(string alias)
    {
        var ex = Assert.Throws<ArgumentException>(() => Settings((alias, new AwsAccountSettings { RoleArn = Role })).Validate());

        Assert.Contains($"Aws:Accounts:{alias}", ex.Message, StringComparison.Ordinal);
        Assert.Contains("letters, digits, '-' or '_'", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_BadExternalId_NamesTheSettingWithoutEchoingTheValue()
    {
        var ex = Assert.Throws<ArgumentException>(() => Settings(("prod", new AwsAccountSettings { RoleArn = Role, ExternalId = "secret value!" })).Validate());

        Assert.StartsWith("Aws:Accounts:prod:ExternalId must be", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("secret value", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(899)]
    [InlineData(43201)]
    public void Validate_DurationOutOfRange_NamesTheSetting(int seconds)
    {
        var ex = Assert.Throws<ArgumentException>(() => Settings(("prod", new AwsAccountSettings { RoleArn = Role, DurationSeconds = seconds })).Validate());

        Assert.StartsWith("Aws:Accounts:prod:DurationSeconds must be between 900 and 43200", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_BadRegion_NamesTheSetting()
    {
        var ex = Assert.Throws<ArgumentException>(() => Settings(("prod", new AwsAccountSettings { RoleArn = Role, Region = "Ireland" })).Validate());

        Assert.StartsWith("Aws:Accounts:prod:Region must be an AWS region", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_DefaultAccountNotConfigured_ListsTheConfiguredAliases()
    {
        var settings = Settings(("prod", new AwsAccountSettings { RoleArn = Role }), ("staging", new AwsAccountSettings { RoleArn = Role }));
        var withDefault = settings.WithAccounts(settings.Accounts, "qa", null);

        var ex = Assert.Throws<ArgumentException>(withDefault.Validate);

        Assert.Equal("Aws:DefaultAccount names 'qa', which is not under Aws:Accounts (configured: prod, staging).", ex.Message);
    }

    [Fact]
    public void Validate_BadRoleSessionName_NamesTheSetting()
    {
        var settings = Settings(("prod", new AwsAccountSettings { RoleArn = Role }));

        var ex = Assert.Throws<ArgumentException>(settings.WithAccounts(settings.Accounts, null, "chatopsbot pod").Validate);

        Assert.StartsWith("Aws:RoleSessionName must be 2 to 64", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_WellFormedAccounts_Pass()
    {
        var settings = Settings(
            ("prod", new AwsAccountSettings { RoleArn = Role, ExternalId = "opsbot-7f3a9c", Region = "eu-west-1", DurationSeconds = 3600 }),
            ("cn_prod", new AwsAccountSettings { RoleArn = "arn:aws-cn:iam::210987654321:role/path/to/chatopsbot" }));

        settings.WithAccounts(settings.Accounts, "PROD", "chatopsbot-replica-0").Validate();
    }

    [Theory]
    [InlineData("bot-7d9f8c6b5-x2k4q", "chatopsbot-bot-7d9f8c6b5-x2k4q")]
    [InlineData("host name:with/illegal", "chatopsbot-host-name-with-illegal")]
    public void DefaultSessionName_IsChatopsbotPlusTheHostInStsCharset(string host, string expected)
    {
        var name = RoleSessionNames.Default(v => v == "HOSTNAME" ? host : null);

        Assert.Equal(expected, name);
        Assert.True(RoleSessionNames.IsValid(name));
    }

    [Fact]
    public void DefaultSessionName_LongHost_IsCutTo64Characters()
    {
        var name = RoleSessionNames.Default(v => v == "HOSTNAME" ? new string('h', 100) : null);

        Assert.Equal(64, name.Length);
        Assert.StartsWith("chatopsbot-hhh", name, StringComparison.Ordinal);
    }

    private static AwsConnectionSettings Settings(params (string Alias, AwsAccountSettings Account)[] accounts) => new()
    {
        Accounts = accounts.ToDictionary(a => a.Alias, a => a.Account, StringComparer.OrdinalIgnoreCase),
    };
}
