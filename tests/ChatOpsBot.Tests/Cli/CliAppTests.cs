using ChatOpsBot.Cli;

namespace ChatOpsBot.Tests.Cli;

public sealed class CliAppTests
{
    [Fact]
    public async Task RunAsync_NoArguments_PrintsHelpAndExitsWithBadInput()
    {
        var (code, output, error) = await RunAsync();

        Assert.Equal(ExitCodes.BadInput, code);
        Assert.Equal(2, code);
        Assert.Contains("diagnose 503 <lb-name-or-arn>", output, StringComparison.Ordinal);
        Assert.Empty(error);
    }

    [Theory]
    [InlineData("help")]
    [InlineData("--help")]
    [InlineData("-h")]
    public async Task RunAsync_Help_PrintsHelpAndExitsZero(string verb)
    {
        var (code, output, _) = await RunAsync(verb);

        Assert.Equal(0, code);
        Assert.Contains("Exit codes: 0 diagnosed, 1 unexpected failure, 2 bad input, 3 AWS access problem, 4 unsupported load balancer type.", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_UnknownVerb_NamesItOnStderrAndExitsWithBadInput()
    {
        var (code, output, error) = await RunAsync("diagnoze", "503", "shop-alb");

        Assert.Equal(2, code);
        Assert.StartsWith("Unknown command 'diagnoze'.", error, StringComparison.Ordinal);
        Assert.Empty(output);
    }

    [Fact]
    public async Task RunAsync_DiagnoseHelp_PrintsUsageAndExitsZero()
    {
        var (code, output, _) = await RunAsync("diagnose", "--help");

        Assert.Equal(0, code);
        Assert.Contains("Usage: diagnose 503 <load-balancer-name-or-arn> [options]", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_DiagnoseUnsupportedStatus_ExplainsOnStderrWithoutTouchingAws()
    {
        var (code, output, error) = await RunAsync("diagnose", "502", "shop-alb");

        Assert.Equal(2, code);
        Assert.StartsWith("There is no runbook for 502 yet; available: 503.", error, StringComparison.Ordinal);
        Assert.Contains("Usage: diagnose 503", error, StringComparison.Ordinal);
        Assert.Empty(output);
    }

    [Fact]
    public async Task RunAsync_DiagnoseBadSince_ExitsWithBadInput()
    {
        var (code, _, error) = await RunAsync("diagnose", "503", "shop-alb", "--since", "48h");

        Assert.Equal(2, code);
        Assert.StartsWith("--since takes a duration from 5m to 24h", error, StringComparison.Ordinal);
    }

    private static async Task<(int Code, string Output, string Error)> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = await CliApp.RunAsync(args, new Terminal(output, error, color: false), TimeProvider.System, CancellationToken.None);
        return (code, output.ToString(), error.ToString());
    }
}
