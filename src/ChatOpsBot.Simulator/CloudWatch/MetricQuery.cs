namespace ChatOpsBot.Simulator.CloudWatch;

/// <summary>One decoded <c>MetricDataQueries.member.N</c>.</summary>
internal sealed record MetricQuery(
    string Id,
    string? Namespace,
    string? MetricName,
    IReadOnlyDictionary<string, string> Dimensions,
    int Period,
    string? Stat,
    string? Label,
    string? Expression,
    bool ReturnData);
