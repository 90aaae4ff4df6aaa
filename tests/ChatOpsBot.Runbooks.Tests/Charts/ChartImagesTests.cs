using ChatOpsBot.Runbooks.Charts;
using ChatOpsBot.Runbooks.Rendering;
using ChatOpsBot.Runbooks.Tests.Support;

namespace ChatOpsBot.Runbooks.Tests.Charts;

public sealed class ChartImagesTests
{
    [Fact]
    public void For_RealCharts_NamesEachFileAfterItsIdAndDescribesEveryLineAndTheWindowInUtc()
    {
        var charts = Http503Charts.Build(TestSessions.HealthyAlb());

        var image = Assert.Single(ChartImages.For(charts, new CountingRenderer()));

        Assert.Equal($"{Http503Charts.ErrorsByProducerId}.png", image.FileName);
        Assert.Contains("HTTPCode_ELB_503 (load balancer)", image.Description, StringComparison.Ordinal);
        Assert.Contains("RequestCount", image.Description, StringComparison.Ordinal);
        Assert.Contains("UTC", image.Description, StringComparison.Ordinal);
        Assert.Equal([1, 2, 3], image.Png!.Value.ToArray());
    }

    [Fact]
    public void For_AlreadyUploadedOrNoRenderer_DrawsNothingButStillNamesTheChart()
    {
        var charts = new[] { Spec("a"), Spec("b") };
        var renderer = new CountingRenderer();

        var images = ChartImages.For(charts, renderer, new HashSet<string> { "a.png" });
        var withoutRenderer = ChartImages.For(charts, null);

        Assert.Null(images[0].Png);
        Assert.NotNull(images[1].Png);
        Assert.Equal(1, renderer.Calls);
        Assert.All(withoutRenderer, i => Assert.Null(i.Png));
        Assert.Equal(["a.png", "b.png"], withoutRenderer.Select(i => i.FileName));
    }

    [Fact]
    public void For_RendererThrows_ThatChartHasNoBytes_TheOthersAreDrawn_AndTheFailureIsReported()
    {
        var failures = new List<string>();

        var images = ChartImages.For([Spec("broken"), Spec("fine")], new CountingRenderer(failOn: "broken"), failed: (c, e) => failures.Add($"{c.Id}: {e.Message}"));

        Assert.Null(images[0].Png);
        Assert.NotNull(images[1].Png);
        Assert.Equal(["broken: no font"], failures);
    }

    [Theory]
    [InlineData("5xx-by-producer", "5xx-by-producer.png")]
    [InlineData("../../etc/passwd", "------etc-passwd.png")]
    [InlineData("a b\"c", "a-b-c.png")]
    [InlineData("", "chart.png")]
    public void FileName_AnyId_IsASafeNameWithNoPath(string id, string expected) =>
        Assert.Equal(expected, ChartImages.FileName(Spec(id)));

    [Fact]
    public void Codec_RealCharts_RoundTripToTheSameJson()
    {
        var charts = Http503Charts.Build(TestSessions.HealthyAlb());

        var json = ChartJsonCodec.Serialize(charts);
        var back = ChartJsonCodec.Deserialize(json);

        Assert.Equal(json, ChartJsonCodec.Serialize(back));
        Assert.Equal(charts[0].Series[0].Values, back[0].Series[0].Values);
        Assert.Empty(ChartJsonCodec.Deserialize(null));
        Assert.Throws<System.Text.Json.JsonException>(() => ChartJsonCodec.Deserialize("{\"not\":\"a list\"}"));
    }

    private static ChartSpec Spec(string id)
    {
        var t = new DateTimeOffset(2026, 11, 28, 9, 0, 0, TimeSpan.Zero);
        return new ChartSpec(id, "t", "hosts", [new ChartSeries("web healthy", [t], [2], ChartSeriesRole.Good)], [], t.AddMinutes(-30), t, t);
    }

    private sealed class CountingRenderer(string? failOn = null) : IChartImageRenderer
    {
        public int Calls { get; private set; }

        public byte[] RenderPng(ChartSpec spec)
        {
            Calls++;
            return spec.Id == failOn ? throw new InvalidOperationException("no font") : [1, 2, 3];
        }
    }
}
