using ChatOpsBot.Runbooks.Charts;
using ChatOpsBot.Runbooks.Messaging;
using Microsoft.Extensions.Logging;

namespace ChatOpsBot.Discord.Hosting;

/// <summary>Draws a session's charts for a Discord message; a chart that fails to draw is logged and left out.</summary>
internal static partial class ChartPictures
{
    public static IReadOnlyList<ChatImage> Draw(IEnumerable<ChartSpec> charts, IChartImageRenderer? renderer, ILogger logger, string sessionId) =>
        ChartImages.For(charts, renderer, failed: (chart, e) => DrawFailed(logger, sessionId, chart.Id, e.GetType().Name, e.Message));

    [LoggerMessage(EventId = 2204, Level = LogLevel.Warning, Message = "Session {SessionId}: drawing chart {ChartId} failed, the message goes without it: {ErrorType}: {Error}")]
    private static partial void DrawFailed(ILogger logger, string sessionId, string chartId, string errorType, string error);
}
