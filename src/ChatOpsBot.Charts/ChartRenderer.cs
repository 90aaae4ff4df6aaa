using System.Globalization;
using ChatOpsBot.Runbooks.Charts;
using ScottPlot;

namespace ChatOpsBot.Charts;

/// <summary>
/// Draws a <see cref="ChartSpec"/> as a PNG: title, axis labels with units, a UTC time axis, a legend, each
/// threshold as a dashed horizontal line and a vertical "diagnosed" marker. The same spec gives the same image.
/// </summary>
public static class ChartRenderer
{
    private static readonly Color[] Palette =
    [
        Color.FromHex("#d62728"), Color.FromHex("#1f77b4"), Color.FromHex("#2ca02c"), Color.FromHex("#ff7f0e"),
        Color.FromHex("#9467bd"), Color.FromHex("#8c564b"), Color.FromHex("#e377c2"), Color.FromHex("#17becf"),
    ];

    private static readonly Color[] GoodShades = [Color.FromHex("#2ca02c"), Color.FromHex("#17becf"), Color.FromHex("#98df8a"), Color.FromHex("#0b6e4f")];

    private static readonly Color[] BadShades = [Color.FromHex("#d62728"), Color.FromHex("#ff7f0e"), Color.FromHex("#e377c2"), Color.FromHex("#8c564b")];

    private static readonly Color ThresholdColor = Color.FromHex("#7f7f7f");
    private static readonly Color MarkerColor = Color.FromHex("#000000");

    public static byte[] RenderPng(ChartSpec spec, int width = 900, int height = 360)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentOutOfRangeException.ThrowIfLessThan(width, 200);
        ArgumentOutOfRangeException.ThrowIfLessThan(height, 150);

        using var plot = new Plot();
        var axis = plot.Axes.DateTimeTicksBottom();
        if (axis.TickGenerator is ScottPlot.TickGenerators.DateTimeAutomatic ticks)
        {
            ticks.LabelFormatter = time => time.ToString("HH:mm", CultureInfo.InvariantCulture);
        }

        plot.Font.Set(Fonts.Sans);
        plot.Title(spec.Title);
        plot.XLabel(string.Create(CultureInfo.InvariantCulture, $"time (UTC) from {spec.WindowStart.UtcDateTime:yyyy-MM-dd HH:mm} to {spec.WindowEnd.UtcDateTime:yyyy-MM-dd HH:mm}"));
        plot.YLabel(spec.YAxisLabel);

        var yMax = 0.0;
        var yMin = 0.0;
        for (var i = 0; i < spec.Series.Count; i++)
        {
            var series = spec.Series[i];
            var count = Math.Min(series.Times.Count, series.Values.Count);
            if (count == 0)
            {
                continue;
            }

            var xs = series.Times.Take(count).Select(X).ToArray();
            var ys = series.Values.Take(count).ToArray();
            var line = plot.Add.Scatter(xs, ys, ColorOf(spec.Series, i));
            line.LegendText = series.Label;
            line.LineWidth = 2;
            line.MarkerSize = count <= 30 ? 4 : 0;
            yMax = Math.Max(yMax, ys.Max());
            yMin = Math.Min(yMin, ys.Min());
        }

        foreach (var threshold in spec.Thresholds)
        {
            var line = plot.Add.HorizontalLine(threshold.Value, 1.5f, ThresholdColor, LinePattern.Dashed);
            line.LegendText = threshold.Label;
            var label = plot.Add.Text(threshold.Label, X(spec.WindowStart), threshold.Value);
            label.LabelAlignment = Alignment.LowerLeft;
            label.LabelFontSize = 11;
            label.LabelFontColor = ThresholdColor;
            label.OffsetX = 4;
            yMax = Math.Max(yMax, threshold.Value);
        }

        var marker = plot.Add.VerticalLine(X(spec.DiagnosedAt), 1.5f, MarkerColor, LinePattern.DenselyDashed);
        marker.LabelText = "diagnosed";
        marker.LabelOppositeAxis = true;
        marker.LegendText = "diagnosed";

        var xEnd = spec.DiagnosedAt > spec.WindowEnd ? spec.DiagnosedAt : spec.WindowEnd;
        var pad = (X(xEnd) - X(spec.WindowStart)) * 0.04;
        plot.Axes.SetLimitsX(X(spec.WindowStart), X(xEnd) + pad);
        var top = yMax > 0 ? yMax * 1.15 : 1;
        plot.Axes.SetLimitsY(yMin < 0 ? yMin * 1.15 : 0, top);
        plot.ShowLegend(Alignment.UpperLeft);

        return plot.GetImageBytes(width, height, ImageFormat.Png);
    }

    private static double X(DateTimeOffset time) => time.UtcDateTime.ToOADate();

    /// <summary>Green shades for good lines, red shades for bad ones, the palette (from blue) for the rest; the n-th
    /// line of a role takes that role's n-th shade, so colours do not depend on the order of other roles.</summary>
    private static Color ColorOf(IReadOnlyList<ChartSeries> series, int index)
    {
        var role = series[index].Role;
        var nth = series.Take(index).Count(s => s.Role == role);
        return role switch
        {
            ChartSeriesRole.Good => GoodShades[nth % GoodShades.Length],
            ChartSeriesRole.Bad => BadShades[nth % BadShades.Length],
            _ => Palette[(nth + 1) % Palette.Length],
        };
    }
}
