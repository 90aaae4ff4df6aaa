using ChatOpsBot.Charts;
using ChatOpsBot.Runbooks.Charts;

namespace ChatOpsBot.Cli;

/// <summary>Writes charts as PNG files named as everywhere else (<see cref="ChartImages.FileName"/>), for
/// <c>diagnose --charts</c> and <c>transcript export --out</c>.</summary>
internal static class ChartFiles
{
    /// <returns>The full path of each file written, in chart order.</returns>
    public static async Task<IReadOnlyList<string>> WriteAsync(IReadOnlyList<ChartSpec> charts, string folder, CancellationToken cancellationToken)
    {
        var paths = new List<string>(charts.Count);
        foreach (var chart in charts)
        {
            var path = Path.GetFullPath(Path.Combine(folder, ChartImages.FileName(chart)));
            await File.WriteAllBytesAsync(path, ChartRenderer.RenderPng(chart), cancellationToken);
            paths.Add(path);
        }

        return paths;
    }
}
