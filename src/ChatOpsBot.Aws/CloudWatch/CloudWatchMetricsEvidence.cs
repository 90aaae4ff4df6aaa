using System.Xml.Linq;
using ChatOpsBot.Aws.Query;
using ChatOpsBot.Runbooks.Evidence.Metrics;

namespace ChatOpsBot.Aws.CloudWatch;

/// <summary><see cref="IMetricsEvidence"/> over CloudWatch GetMetricData (awsQuery, 2010-08-01): every query in one call
/// (split only past 500), all NextToken pages merged per id, each series returned oldest first.</summary>
internal sealed class CloudWatchMetricsEvidence(AwsQueryClient cloudWatch) : IMetricsEvidence
{
    public const string Version = "2010-08-01";

    public async Task<IReadOnlyList<MetricSeries>> GetMetricDataAsync(
        IReadOnlyList<MetricQuery> queries, DateTimeOffset start, DateTimeOffset end, CancellationToken cancellationToken)
    {
        MetricDataRequest.Validate(queries, start, end);
        if (queries.Count == 0)
        {
            return [];
        }

        var batches = queries.Chunk(MetricDataRequest.MaxQueriesPerCall)
            .Select(batch => cloudWatch.SendAllPagesAsync(
                "GetMetricData", MetricDataRequest.Encode(batch, start, end), "NextToken", "NextToken", cancellationToken))
            .ToArray();
        var pages = (await Task.WhenAll(batches).ConfigureAwait(false)).SelectMany(p => p);

        var merged = new Dictionary<string, SeriesBuilder>(StringComparer.Ordinal);
        foreach (var query in queries)
        {
            merged[query.Id] = new SeriesBuilder(query.Id);
        }

        foreach (var member in pages.SelectMany(page => page.Members("MetricDataResults")))
        {
            var id = member.Text("Id");
            if (id is null)
            {
                continue;
            }

            if (merged.TryGetValue(id, out var builder))
            {
                builder.Add(member);
            }
        }

        return [.. queries.Select(q => merged[q.Id].Build())];
    }

    private sealed class SeriesBuilder(string id)
    {
        private readonly List<(DateTimeOffset Timestamp, double Value)> _points = [];
        private readonly List<string> _messages = [];
        private string? _label;
        private string _status = "Complete";

        public void Add(XElement member)
        {
            _label ??= member.TextOrNull("Label");
            _status = member.TextOrNull("StatusCode") ?? _status;
            var timestamps = member.Members("Timestamps").Select(t => QueryXml.ParseTimestamp(t.Value.Trim())).ToArray();
            var values = member.Members("Values").Select(v => QueryXml.ParseDouble(v.Value.Trim())).ToArray();
            for (var i = 0; i < Math.Min(timestamps.Length, values.Length); i++)
            {
                if (timestamps[i] is { } timestamp && values[i] is { } value)
                {
                    _points.Add((timestamp, value));
                }
            }

            foreach (var message in member.Members("Messages"))
            {
                var text = $"{message.Text("Code")}: {message.Text("Value")}".Trim(' ', ':');
                if (text.Length > 0 && !_messages.Contains(text, StringComparer.Ordinal))
                {
                    _messages.Add(text);
                }
            }
        }

        public MetricSeries Build()
        {
            var ordered = _points.OrderBy(p => p.Timestamp).ToArray();
            return new MetricSeries(id, _label, [.. ordered.Select(p => p.Timestamp)], [.. ordered.Select(p => p.Value)], _status, [.. _messages]);
        }
    }
}
