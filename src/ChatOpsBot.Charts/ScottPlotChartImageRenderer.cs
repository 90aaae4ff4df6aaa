using ChatOpsBot.Runbooks.Charts;

namespace ChatOpsBot.Charts;

/// <summary>The <see cref="IChartImageRenderer"/> port over <see cref="ChartRenderer"/> (ScottPlot), at its default size.</summary>
public sealed class ScottPlotChartImageRenderer : IChartImageRenderer
{
    public byte[] RenderPng(ChartSpec spec) => ChartRenderer.RenderPng(spec);
}
