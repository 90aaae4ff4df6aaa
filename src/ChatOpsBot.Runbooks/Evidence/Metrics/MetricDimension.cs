namespace ChatOpsBot.Runbooks.Evidence.Metrics;

public sealed record MetricDimension(string Name, string Value);
