using System.Globalization;
using System.Text.RegularExpressions;
using ChatOpsBot.Aws.Query;
using ChatOpsBot.Runbooks.Evidence.Metrics;

namespace ChatOpsBot.Aws.CloudWatch;

/// <summary>Validates metric queries against the GetMetricData rules and encodes them as awsQuery parameters.</summary>
internal static partial class MetricDataRequest
{
    /// <summary>GetMetricData accepts at most this many queries per call.</summary>
    public const int MaxQueriesPerCall = 500;

    public const int MaxDimensions = 30;

    public static void Validate(IReadOnlyList<MetricQuery> queries, DateTimeOffset start, DateTimeOffset end)
    {
        ArgumentNullException.ThrowIfNull(queries);
        if (end <= start)
        {
            throw new ArgumentException($"The metric window must end after it starts (start {start:O}, end {end:O}).", nameof(end));
        }

        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var query in queries)
        {
            if (query is null)
            {
                throw new ArgumentException("A metric query is null.", nameof(queries));
            }

            if (query.Id is null || !IdPattern().IsMatch(query.Id))
            {
                throw new ArgumentException(
                    $"The metric query id '{query.Id}' is invalid: it must start with a lower-case letter and hold only letters, digits and underscores (at most 255 characters).",
                    nameof(queries));
            }

            if (!ids.Add(query.Id))
            {
                throw new ArgumentException($"The metric query id '{query.Id}' is used twice; ids must be unique within a request.", nameof(queries));
            }

            if (string.IsNullOrWhiteSpace(query.Namespace) || string.IsNullOrWhiteSpace(query.MetricName) || string.IsNullOrWhiteSpace(query.Stat))
            {
                throw new ArgumentException($"The metric query '{query.Id}' needs a namespace, a metric name and a statistic.", nameof(queries));
            }

            if (query.PeriodSeconds <= 0 || (query.PeriodSeconds % 60 != 0 && query.PeriodSeconds is not (1 or 5 or 10 or 20 or 30)))
            {
                throw new ArgumentException(
                    $"The metric query '{query.Id}' has period {query.PeriodSeconds} s; use 1, 5, 10, 20, 30 or a multiple of 60.", nameof(queries));
            }

            if ((query.Dimensions?.Count ?? 0) > MaxDimensions)
            {
                throw new ArgumentException($"The metric query '{query.Id}' has more than {MaxDimensions} dimensions.", nameof(queries));
            }
        }
    }

    public static QueryParameters Encode(IReadOnlyList<MetricQuery> queries, DateTimeOffset start, DateTimeOffset end)
    {
        var parameters = new QueryParameters();
        for (var i = 0; i < queries.Count; i++)
        {
            var query = queries[i];
            var prefix = $"MetricDataQueries.member.{(i + 1).ToString(CultureInfo.InvariantCulture)}";
            parameters.Add($"{prefix}.Id", query.Id);
            parameters.Add($"{prefix}.MetricStat.Metric.Namespace", query.Namespace);
            parameters.Add($"{prefix}.MetricStat.Metric.MetricName", query.MetricName);
            var dimensions = query.Dimensions ?? [];
            for (var d = 0; d < dimensions.Count; d++)
            {
                var dimension = $"{prefix}.MetricStat.Metric.Dimensions.member.{(d + 1).ToString(CultureInfo.InvariantCulture)}";
                parameters.Add($"{dimension}.Name", dimensions[d].Name);
                parameters.Add($"{dimension}.Value", dimensions[d].Value);
            }

            parameters.Add($"{prefix}.MetricStat.Period", query.PeriodSeconds);
            parameters.Add($"{prefix}.MetricStat.Stat", query.Stat);
            parameters.Add($"{prefix}.ReturnData", "true");
        }

        parameters.Add("StartTime", FormatTimestamp(start));
        parameters.Add("EndTime", FormatTimestamp(end));
        return parameters;
    }

    /// <summary>ISO-8601 in UTC, whole seconds (<c>2024-05-01T10:00:00Z</c>).</summary>
    public static string FormatTimestamp(DateTimeOffset value) =>
        value.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    [GeneratedRegex("^[a-z][a-zA-Z0-9_]{0,254}$", RegexOptions.CultureInvariant)]
    private static partial Regex IdPattern();
}
