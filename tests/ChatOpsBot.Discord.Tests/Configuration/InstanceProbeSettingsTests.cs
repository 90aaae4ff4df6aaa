using ChatOpsBot.Discord.Configuration;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace ChatOpsBot.Discord.Tests.Configuration;

/// <summary>The <c>InstanceProbe</c> section as the bot binds it (configuration keys, the Discord registration, the
/// options validation that runs at start-up).</summary>
public sealed class InstanceProbeSettingsTests
{
    private const string Role = "112233445566778899";

    [Fact]
    public void Unset_IsOff_AndValid()
    {
        var settings = Bind([]);

        Assert.False(settings.Enabled);
        Assert.Empty(settings.Roles);
    }

    [Fact]
    public void Enabled_BindsEverySetting_IntoTheProbeOptions()
    {
        var settings = Bind(new()
        {
            ["InstanceProbe:Enabled"] = "true",
            ["InstanceProbe:Roles:0"] = Role,
            ["InstanceProbe:MaxInstances"] = "5",
            ["InstanceProbe:Timeout"] = "00:00:45",
            ["InstanceProbe:ServiceName"] = "orders-api",
            ["InstanceProbe:LogPath"] = "/var/log/orders/app.log",
            ["InstanceProbe:LogLines"] = "50",
            ["InstanceProbe:DependencyHosts:0"] = "orders-db.data.internal",
            ["InstanceProbe:DependencyHosts:1"] = "cache.orders.internal",
        });

        var probe = settings.ToProbeOptions();

        Assert.True(settings.Enabled);
        Assert.True(settings.Allows(["1", Role]));
        Assert.False(settings.Allows(["1"]));
        Assert.Equal(5, probe.MaxInstances);
        Assert.Equal(TimeSpan.FromSeconds(45), probe.EffectiveTimeout);
        Assert.Equal("orders-api", probe.ServiceName);
        Assert.Equal("/var/log/orders/app.log", probe.LogPath);
        Assert.Equal(50, probe.LogLines);
        Assert.Equal(["orders-db.data.internal", "cache.orders.internal"], probe.Dependencies);
        Assert.Null(probe.Validate());
    }

    [Fact]
    public void BlankServiceAndLog_MeanNotSet()
    {
        var probe = Bind(new() { ["InstanceProbe:Enabled"] = "true", ["InstanceProbe:Roles:0"] = Role, ["InstanceProbe:ServiceName"] = " ", ["InstanceProbe:LogPath"] = "" }).ToProbeOptions();

        Assert.Null(probe.ServiceName);
        Assert.Null(probe.LogPath);
    }

    [Fact]
    public void EnabledWithoutRoles_FailsWithASentenceNamingTheSetting()
    {
        var e = Assert.Throws<OptionsValidationException>(() => Bind(new() { ["InstanceProbe:Enabled"] = "true" }));

        var failure = Assert.Single(e.Failures);
        Assert.StartsWith("InstanceProbe:Roles is empty", failure, StringComparison.Ordinal);
        Assert.Contains("InstanceProbe__Roles__0", failure, StringComparison.Ordinal);
    }

    [Fact]
    public void RoleThatIsNotARoleId_IsNamed()
    {
        var e = Assert.Throws<OptionsValidationException>(() => Bind(new() { ["InstanceProbe:Enabled"] = "true", ["InstanceProbe:Roles:0"] = "@oncall" }));

        Assert.Contains(e.Failures, f => f.Contains("'@oncall' is not a Discord role id", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("MaxInstances", "0", "MaxInstances must be between 1 and 50 (got 0)")]
    [InlineData("MaxInstances", "51", "MaxInstances must be between 1 and 50 (got 51)")]
    [InlineData("Timeout", "00:00:02", "timeout must be between 5 s and 10 min")]
    [InlineData("LogLines", "500", "LogLines must be between 0 and 200 (got 500)")]
    [InlineData("ServiceName", "orders api", "'orders api' is not a systemd unit name")]
    [InlineData("LogPath", "logs/app.log", "'logs/app.log' must be an absolute path")]
    [InlineData("DependencyHosts:0", "db internal", "'db internal' is not a host name")]
    public void BadProbeSetting_WhenEnabled_FailsWithTheCoresSentence(string key, string value, string expected)
    {
        var e = Assert.Throws<OptionsValidationException>(() => Bind(new() { ["InstanceProbe:Enabled"] = "true", ["InstanceProbe:Roles:0"] = Role, ["InstanceProbe:" + key] = value }));

        var failure = Assert.Single(e.Failures);
        Assert.StartsWith("InstanceProbe: ", failure, StringComparison.Ordinal);
        Assert.Contains(expected, failure, StringComparison.Ordinal);
    }

    [Fact]
    public void BadProbeSetting_WhenOff_IsNotJudged()
    {
        var settings = Bind(new() { ["InstanceProbe:MaxInstances"] = "0" });

        Assert.False(settings.Enabled);
    }

    private static InstanceProbeSettings Bind(Dictionary<string, string?> values)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
        using var services = new ServiceCollection().AddDiscordInteractions(configuration).BuildServiceProvider();
        return services.GetRequiredService<IOptions<InstanceProbeSettings>>().Value;
    }
}
