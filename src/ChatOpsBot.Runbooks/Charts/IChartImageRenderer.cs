namespace ChatOpsBot.Runbooks.Charts;

/// <summary>
/// Draws a chart as a PNG. The port keeps the core, Discord and transcripts free of any plotting library; the
/// composition root registers an implementation. When none is registered, messages and exports simply carry no images.
/// </summary>
public interface IChartImageRenderer
{
    /// <summary>The PNG bytes of <paramref name="spec"/>; the same spec gives the same image.</summary>
    byte[] RenderPng(ChartSpec spec);
}
