using System.Buffers.Binary;
using ChatOpsBot.EndToEnd.Tests.Support;
using ChatOpsBot.Runbooks.Charts;

namespace ChatOpsBot.EndToEnd.Tests.Cli;

/// <summary><c>diagnose --charts DIR</c> against the simulator: the evidence charts land in DIR as PNGs.</summary>
public sealed class ChartsCliTests : IDisposable
{
    private readonly string directory = Path.Combine(Path.GetTempPath(), "chatopsbot-charts-" + Guid.NewGuid().ToString("N"), "out");

    [Fact]
    public async Task Diagnose_ChartsOnSlowAppScenario_WritesPngsIncludingTheP99ChartAndNamesThemOnStderr()
    {
        var run = await CliRun.RunAsync("diagnose", "503", "reports-alb", "--simulate", "health-check-timeout-slow-app", "--output", "json", "--charts", directory);

        Assert.True(run.ExitCode == 0, run.Stderr);
        Assert.Equal("health-check-timeout", run.Json.GetProperty("rootCause").GetString());
        var files = Directory.GetFiles(directory, "*.png").Select(Path.GetFileName).Order(StringComparer.Ordinal).ToArray();
        Assert.Contains($"{Http503Charts.ErrorsByProducerId}.png", files);
        Assert.Contains($"{Http503Charts.ResponseTimeP99Id}.png", files);
        foreach (var file in Directory.GetFiles(directory, "*.png"))
        {
            Assert.Contains(file, run.Stderr, StringComparison.Ordinal);
            var png = await File.ReadAllBytesAsync(file);
            Assert.Equal([0x89, 0x50, 0x4E, 0x47], png[..4]);
            Assert.Equal(900, BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(16, 4)));
        }
    }

    public void Dispose()
    {
        var root = Path.GetDirectoryName(directory)!;
        if (Directory.Exists(root))
        {
            Directory.Delete(root, recursive: true);
        }
    }
}
