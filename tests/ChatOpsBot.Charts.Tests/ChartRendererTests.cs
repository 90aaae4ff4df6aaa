using System.Buffers.Binary;
using ChatOpsBot.Runbooks.Charts;

namespace ChatOpsBot.Charts.Tests;

public sealed class ChartRendererTests
{
    private static readonly byte[] PngSignature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];
    private static readonly DateTimeOffset End = new(2026, 11, 28, 9, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Start = End - TimeSpan.FromMinutes(60);

    [Fact]
    public void RenderPng_P99ChartWithThreshold_IsAPngOfTheRequestedSize()
    {
        var png = ChartRenderer.RenderPng(P99Chart());

        AssertPng(png, 900, 360);
    }

    [Fact]
    public void RenderPng_OtherSize_WritesThatSizeInTheHeader()
    {
        var png = ChartRenderer.RenderPng(P99Chart(), 640, 300);

        AssertPng(png, 640, 300);
    }

    [Fact]
    public void RenderPng_SameSpecTwice_GivesTheSameBytes() =>
        Assert.Equal(ChartRenderer.RenderPng(P99Chart()), ChartRenderer.RenderPng(P99Chart()));

    [Fact]
    public void RenderPng_ChartWithNoDatapoints_StillDrawsTheThresholdAndMarker()
    {
        var spec = P99Chart() with { Series = [new ChartSeries("shop-web p99", [], [])] };

        AssertPng(ChartRenderer.RenderPng(spec), 900, 360);
    }

    [Fact]
    public void RenderPng_AllZeroCounts_IsAValidPng()
    {
        var times = Minutes().ToArray();
        var spec = new ChartSpec("rejected-connections", "RejectedConnectionCount — shop-alb", "count per minute",
            [new ChartSeries("RejectedConnectionCount", times, [.. times.Select(_ => 0.0)])], [], Start, End, End);

        AssertPng(ChartRenderer.RenderPng(spec), 900, 360);
    }

    internal static ChartSpec P99Chart()
    {
        var times = Minutes().ToArray();
        var values = times.Select((_, i) => i < 40 ? 0.4 + (0.01 * i) : 5.5 + (0.05 * (i - 40))).ToArray();
        return new ChartSpec(
            "target-response-time-p99",
            "TargetResponseTime p99 — reports-alb",
            "seconds",
            [new ChartSeries("reports p99", times, values)],
            [new ChartThreshold("reports health-check timeout 5 s", 5)],
            Start,
            End,
            End + TimeSpan.FromSeconds(20));
    }

    private static IEnumerable<DateTimeOffset> Minutes()
    {
        for (var t = Start; t < End; t += TimeSpan.FromMinutes(1))
        {
            yield return t;
        }
    }

    private static void AssertPng(byte[] png, int width, int height)
    {
        Assert.Equal(PngSignature, png[..8]);
        Assert.Equal("IHDR", System.Text.Encoding.ASCII.GetString(png, 12, 4));
        Assert.Equal(width, BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(16, 4)));
        Assert.Equal(height, BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(20, 4)));
        Assert.InRange(png.Length, 5 * 1024, 500 * 1024);
    }
}
