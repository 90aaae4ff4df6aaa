namespace ChatOpsBot.Runbooks.Charts;

/// <summary>A horizontal reference line, for example a target group's health-check timeout.</summary>
public sealed record ChartThreshold(string Label, double Value);
