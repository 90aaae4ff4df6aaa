using System.Diagnostics;
using ChatOpsBot.Runbooks.Findings;

namespace ChatOpsBot.Runbooks.Tests.Findings;

public sealed class AwsCliTests
{
    private static readonly string[] AwkwardValues =
    [
        "plain-value_1.2:3/4=5,6@7+8%9",
        "with space",
        "it's",
        "''",
        "{\"Value\":true}",
        "Key=a,Value=\"b c\"",
        "$HOME `id` $(id)",
        "a;b|c&d>e<f",
        "*?[x]~",
        "back\\slash",
        "tab\tand\nnewline",
        "ünïcødé",
        "",
    ];

    [Fact]
    public void Command_WordsOptionsListsAndFlags_RendersInOrderWithRegionLast()
    {
        var command = AwsCli.Command(
            "eu-west-1",
            ["ec2", "create-network-acl-entry"],
            ("network-acl-id", "acl-0123"),
            ("ingress", null),
            ("instance-ids", new[] { "i-1", "i-2" }),
            ("port-range", "From=1024,To=65535"));

        Assert.Equal("aws ec2 create-network-acl-entry --network-acl-id acl-0123 --ingress --instance-ids i-1 i-2 --port-range From=1024,To=65535 --region eu-west-1", command);
    }

    [Theory]
    [InlineData("traffic-port", "traffic-port")]
    [InlineData("with space", "'with space'")]
    [InlineData("it's", "'it'\\''s'")]
    [InlineData("{\"Value\":true}", "'{\"Value\":true}'")]
    [InlineData("Id=<instance-id>,Port=80", "'Id=<instance-id>,Port=80'")]
    [InlineData("", "''")]
    public void Quote_Value_QuotesOnlyWhenNeeded(string value, string expected)
    {
        Assert.Equal(expected, AwsCli.Quote(value));
    }

    [Fact]
    public void Quote_AwkwardValues_RoundTripThroughAPosixShell()
    {
        if (!File.Exists("/bin/sh"))
        {
            return;
        }

        var script = "printf '%s\\0' " + string.Join(' ', AwkwardValues.Select(AwsCli.Quote));
        using var sh = Process.Start(new ProcessStartInfo("/bin/sh") { ArgumentList = { "-c", script }, RedirectStandardOutput = true, UseShellExecute = false, StandardOutputEncoding = System.Text.Encoding.UTF8 })!;
        var output = sh.StandardOutput.ReadToEnd();
        sh.WaitForExit();

        Assert.Equal(0, sh.ExitCode);
        Assert.Equal(AwkwardValues, output.Split('\0')[..^1]);
    }

    [Fact]
    public void Number_UsesInvariantDigits()
    {
        Assert.Equal("65535", AwsCli.Number(65535));
    }
}
