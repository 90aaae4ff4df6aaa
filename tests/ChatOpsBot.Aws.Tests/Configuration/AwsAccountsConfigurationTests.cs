using ChatOpsBot.Aws.Configuration;
using Microsoft.Extensions.Configuration;

namespace ChatOpsBot.Aws.Tests.Configuration;

public sealed class AwsAccountsConfigurationTests
{
    [Fact]
    public void Apply_EnvironmentStyleKeys_BindsEveryAccount()
    {
        var settings = AwsAccountsConfiguration.Apply(new AwsConnectionSettings { Region = "us-east-1" }, Configuration(new()
        {
            ["Aws:Accounts:prod:RoleArn"] = "arn:aws:iam::210987654321:role/chatopsbot-read",
            ["Aws:Accounts:prod:ExternalId"] = "opsbot-7f3a9c",
            ["Aws:Accounts:prod:Region"] = "eu-west-1",
            ["Aws:Accounts:prod:DurationSeconds"] = "1800",
            ["Aws:Accounts:staging:RoleArn"] = "arn:aws:iam::345678901234:role/chatopsbot-read",
            ["Aws:DefaultAccount"] = "staging",
            ["Aws:RoleSessionName"] = "chatopsbot-eu-1",
        }));

        Assert.Equal("us-east-1", settings.Region);
        Assert.Equal("staging", settings.DefaultAccount);
        Assert.Equal("chatopsbot-eu-1", settings.RoleSessionName);
        Assert.Equal(new AwsAccountSettings { RoleArn = "arn:aws:iam::210987654321:role/chatopsbot-read", ExternalId = "opsbot-7f3a9c", Region = "eu-west-1", DurationSeconds = 1800 }, settings.Accounts["PROD"]);
        Assert.Null(settings.Accounts["staging"].ExternalId);
    }

    [Fact]
    public void Apply_MisspelledKey_NamesItAndTheKnownOnes()
    {
        var ex = Assert.Throws<ArgumentException>(() => AwsAccountsConfiguration.Apply(new AwsConnectionSettings(), Configuration(new()
        {
            ["Aws:Accounts:prod:RoleArm"] = "arn:aws:iam::210987654321:role/chatopsbot-read",
        })));

        Assert.Equal("Aws:Accounts:prod:RoleArm is not a known setting; an account takes RoleArn, ExternalId, Region, DurationSeconds.", ex.Message);
    }

    [Fact]
    public void Apply_DurationNotANumber_NamesTheSetting()
    {
        var ex = Assert.Throws<ArgumentException>(() => AwsAccountsConfiguration.Apply(new AwsConnectionSettings(), Configuration(new()
        {
            ["Aws:Accounts:prod:RoleArn"] = "arn:aws:iam::210987654321:role/chatopsbot-read",
            ["Aws:Accounts:prod:DurationSeconds"] = "1h",
        })));

        Assert.StartsWith("Aws:Accounts:prod:DurationSeconds must be a whole number", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Apply_NoAccounts_LeavesTheBaseCredentialsOnly()
    {
        var settings = AwsAccountsConfiguration.Apply(new AwsConnectionSettings(), Configuration([]));

        Assert.Empty(settings.Accounts);
        Assert.Null(settings.DefaultAccount);
    }

    private static IConfiguration Configuration(Dictionary<string, string?> values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values).Build();
}
