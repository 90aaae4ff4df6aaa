namespace ChatOpsBot.Runbooks.Charts;

/// <summary>What a line means, so a renderer can colour it: good things green, bad things red, the rest neutral.</summary>
public enum ChartSeriesRole
{
    Neutral,
    Good,
    Bad,
}
