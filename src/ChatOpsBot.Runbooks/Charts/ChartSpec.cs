namespace ChatOpsBot.Runbooks.Charts;

/// <summary>
/// One chart of the evidence, platform-neutral: the renderer draws it, the core never does.
/// Every time is UTC; the window is the metrics window the diagnosis read.
/// </summary>
/// <param name="Id">Stable, file-name safe, for example <c>5xx-by-producer</c>.</param>
/// <param name="YAxisLabel">The quantity and its unit, for example <c>count per minute</c>.</param>
/// <param name="DiagnosedAt">When the diagnosis started: the renderer marks it with a vertical line.</param>
public sealed record ChartSpec(
    string Id,
    string Title,
    string YAxisLabel,
    IReadOnlyList<ChartSeries> Series,
    IReadOnlyList<ChartThreshold> Thresholds,
    DateTimeOffset WindowStart,
    DateTimeOffset WindowEnd,
    DateTimeOffset DiagnosedAt);
