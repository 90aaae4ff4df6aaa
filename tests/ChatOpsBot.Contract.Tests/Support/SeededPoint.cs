namespace ChatOpsBot.Contract.Tests.Support;

/// <summary>One datapoint put with PutMetricData.</summary>
public sealed record SeededPoint(DateTimeOffset Timestamp, double Value);
