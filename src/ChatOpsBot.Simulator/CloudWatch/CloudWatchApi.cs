using System.Globalization;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using ChatOpsBot.Simulator.Hosting;
using ChatOpsBot.Simulator.Scenarios;
using static ChatOpsBot.Simulator.Hosting.XmlText;

namespace ChatOpsBot.Simulator.CloudWatch;

/// <summary>CloudWatch (2010-08-01, awsQuery): GetMetricData over the scenario's metric series.</summary>
internal sealed partial class CloudWatchApi(ScenarioIndex index) : IAwsApi
{
    private const int MaxDatapointsDefault = 100_800;
    private static readonly XNamespace Ns = "http://monitoring.amazonaws.com/doc/2010-08-01/";

    public string SigningName => "monitoring";

    public string ServiceName => "monitoring";

    public AwsProtocol Protocol => AwsProtocol.Query;

    public XNamespace XmlNamespace => Ns;

    public AwsResponse Handle(AwsRequest request) => request.Action switch
    {
        "GetMetricData" => GetMetricData(request),
        _ => throw new AwsErrorException("InvalidAction", $"Could not find operation {request.Action} for version 2010-08-01"),
    };

    private static XElement E(string name, params object?[] content) => new(Ns + name, content);

    private AwsResponse GetMetricData(AwsRequest request)
    {
        var form = request.Form;
        var start = ParseTime(form, "StartTime");
        var end = ParseTime(form, "EndTime");
        if (end <= start)
        {
            throw new AwsErrorException("ValidationError", "The parameter StartTime must be less than the parameter EndTime.");
        }

        var queries = form.Indices("MetricDataQueries.member.").Select(i => ParseQuery(form, i)).ToArray();
        if (queries.Length is 0 or > 500)
        {
            throw new AwsErrorException("ValidationError", "The collection MetricDataQueries must not be empty and must not contain more than 500 items.");
        }

        var ascending = form.Get("ScanBy") == "TimestampAscending";
        var maxDatapoints = form.GetInt("MaxDatapoints") ?? MaxDatapointsDefault;
        var offset = Paging.Decode(form.Get("NextToken"), "InvalidNextToken");

        var series = queries.Where(q => q.ReturnData).Select(q => (Query: q, Points: Points(q, start, end, request.Now, ascending))).ToArray();
        var flat = series.SelectMany((s, qi) => s.Points.Select((_, pi) => (qi, pi))).ToArray();
        var pageEnd = Math.Min(flat.Length, offset + maxDatapoints);
        var inPage = flat.Skip(offset).Take(pageEnd - offset).ToLookup(x => x.qi, x => x.pi);
        var next = pageEnd < flat.Length ? Paging.Encode(pageEnd) : null;

        var results = series.Select((s, qi) =>
        {
            var idx = inPage[qi].ToArray();
            var remaining = flat.Skip(pageEnd).Any(x => x.qi == qi);
            return E("member",
                E("Id", s.Query.Id),
                E("Label", s.Query.Label ?? s.Query.MetricName ?? s.Query.Id),
                E("Timestamps", idx.Select(i => E("member", Time(s.Points[i].Timestamp)[..19] + "Z"))),
                E("Values", idx.Select(i => E("member", Number(s.Points[i].Value)))),
                E("StatusCode", remaining ? "PartialData" : "Complete"));
        });

        return AwsResponse.Xml(Document(
            E("GetMetricDataResponse",
                E("GetMetricDataResult",
                    E("MetricDataResults", results),
                    Optional(Ns + "NextToken", next),
                    E("Messages")),
                E("ResponseMetadata", E("RequestId", request.RequestId)))));
    }

    private IReadOnlyList<(DateTimeOffset Timestamp, double Value)> Points(
        MetricQuery query, DateTimeOffset start, DateTimeOffset end, DateTimeOffset now, bool ascending)
    {
        if (query.Expression is not null || query.Stat is null)
        {
            return [];
        }

        var metric = index.Scenario.Metrics.FirstOrDefault(m =>
            m.Namespace == query.Namespace
            && m.MetricName == query.MetricName
            && m.Dimensions.Count == query.Dimensions.Count
            && m.Dimensions.All(d => query.Dimensions.TryGetValue(d.Key, out var v) && v == d.Value));
        if (metric is null)
        {
            return [];
        }

        var points = MetricSeriesGenerator.Generate(metric, query.Stat, query.Period, start, end, now);
        return ascending ? points : [.. points.Reverse()];
    }

    private static MetricQuery ParseQuery(QueryParameters form, int n)
    {
        var p = $"MetricDataQueries.member.{n}.";
        var id = form.Get(p + "Id") ?? "";
        if (!QueryId().IsMatch(id))
        {
            throw new AwsErrorException("ValidationError", $"The value {id} for parameter MetricDataQueries.member.{n}.Id is not valid. It must begin with a lower-case letter and contain only letters, numbers and underscores.");
        }

        var expression = form.Get(p + "Expression");
        var stat = form.Get(p + "MetricStat.Stat");
        if (expression is null && stat is null)
        {
            throw new AwsErrorException("ValidationError", $"Exactly one element of the metrics list should return data. MetricDataQueries.member.{n} needs either MetricStat or Expression.");
        }

        var period = form.GetInt(p + "MetricStat.Period") ?? form.GetInt(p + "Period") ?? 60;
        if (period <= 0 || (period >= 60 && period % 60 != 0) || (period < 60 && period is not (1 or 5 or 10 or 20 or 30)))
        {
            throw new AwsErrorException("ValidationError", $"The parameter MetricDataQueries.member.{n}.MetricStat.Period must be a multiple of 60.");
        }

        var dims = new Dictionary<string, string>(StringComparer.Ordinal);
        var dp = p + "MetricStat.Metric.Dimensions.member.";
        foreach (var i in form.Indices(dp))
        {
            dims[form.Get($"{dp}{i}.Name") ?? ""] = form.Get($"{dp}{i}.Value") ?? "";
        }

        return new MetricQuery(
            id,
            form.Get(p + "MetricStat.Metric.Namespace"),
            form.Get(p + "MetricStat.Metric.MetricName"),
            dims,
            period,
            stat,
            form.Get(p + "Label"),
            expression,
            form.Get(p + "ReturnData") != "false");
    }

    private static DateTimeOffset ParseTime(QueryParameters form, string name)
    {
        var text = form.Get(name) ?? throw new AwsErrorException("ValidationError",
            $"1 validation error detected: Value null at '{char.ToLowerInvariant(name[0]) + name[1..]}' failed to satisfy constraint: Member must not be null");
        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var t)
            ? t
            : throw new AwsErrorException("InvalidParameterValue", $"The parameter {name} must be in ISO 8601 format.");
    }

    [GeneratedRegex("^[a-z][a-zA-Z0-9_]*$")]
    private static partial Regex QueryId();
}
