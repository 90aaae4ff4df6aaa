using ChatOpsBot.Runbooks.Charts;

namespace ChatOpsBot.Runbooks.Sessions.Export;

/// <summary>A chart of a transcript and where its PNG is, relative to the Markdown file (forward slashes); null when
/// the PNG was not written, and the export only names the chart.</summary>
public sealed record TranscriptChart(ChartSpec Spec, string? RelativePath);
