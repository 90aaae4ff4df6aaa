using System.Xml.Linq;
using ChatOpsBot.Simulator.Hosting;
using ChatOpsBot.Simulator.Scenarios;
using static ChatOpsBot.Simulator.Hosting.XmlText;

namespace ChatOpsBot.Simulator.Ec2;

/// <summary>
/// EC2 (2016-11-15, ec2 query protocol): the Describe* calls about the network around a load balancer.
/// Lists are <c>&lt;item&gt;</c> and names lowerCamel, as the AWS SDK's EC2 unmarshallers expect.
/// </summary>
internal sealed partial class Ec2Api(ScenarioIndex index) : IAwsApi
{
    private static readonly XNamespace Ns = "http://ec2.amazonaws.com/doc/2016-11-15/";

    public string SigningName => "ec2";

    public string ServiceName => "ec2";

    public AwsProtocol Protocol => AwsProtocol.Ec2;

    public XNamespace XmlNamespace => Ns;

    private Scenario Scenario => index.Scenario;

    public AwsResponse Handle(AwsRequest request) => request.Action switch
    {
        "DescribeVpcs" => DescribeVpcs(request),
        "DescribeVpcAttribute" => DescribeVpcAttribute(request),
        "DescribeDhcpOptions" => DescribeDhcpOptions(request),
        "DescribeSubnets" => DescribeSubnets(request),
        "DescribeNetworkAcls" => DescribeNetworkAcls(request),
        "DescribeSecurityGroups" => DescribeSecurityGroups(request),
        "DescribeNetworkInterfaces" => DescribeNetworkInterfaces(request),
        "DescribeInstances" => DescribeInstances(request),
        "DescribeManagedPrefixLists" => DescribeManagedPrefixLists(request),
        "GetManagedPrefixListEntries" => GetManagedPrefixListEntries(request),
        _ => throw new AwsErrorException("InvalidAction", $"The action {request.Action} is not valid for this web service."),
    };

    private static XElement E(string name, params object?[] content) => new(Ns + name, content);

    private static XElement? Opt(string name, object? value) => Optional(Ns + name, value);

    private static XElement Items(string name, IEnumerable<object> items) =>
        E(name, items.Select(i => i is XElement x && x.Name == Ns + "item" ? x : E("item", i)));

    private static XElement Tags(IReadOnlyDictionary<string, string> tags) =>
        Items("tagSet", tags.Select(t => E("item", E("key", t.Key), E("value", t.Value))));

    private static AwsResponse Respond(AwsRequest request, params object?[] content) => AwsResponse.Xml(Document(
        E(request.Action + "Response", E("requestId", request.RequestId), content)));

    /// <summary>Selects by an id list (all must exist) and filters, then pages.</summary>
    private (IReadOnlyList<T> Page, string? Next) Select<T>(
        AwsRequest request,
        IEnumerable<T> all,
        string idParameter,
        Func<T, string> idOf,
        string notFoundCode,
        Func<IReadOnlyList<string>, string> notFoundMessage,
        IReadOnlyDictionary<string, Func<T, IEnumerable<string?>>> filters,
        Func<T, IReadOnlyDictionary<string, string>>? tagsOf = null)
    {
        var items = all.ToArray();
        var ids = request.Form.Ec2List(idParameter);
        if (ids.Count > 0)
        {
            var missing = ids.Where(id => items.All(i => idOf(i) != id)).ToArray();
            if (missing.Length > 0)
            {
                throw new AwsErrorException(notFoundCode, notFoundMessage(missing));
            }

            items = [.. items.Where(i => ids.Contains(idOf(i)))];
        }

        var filtered = Ec2Filters.Apply(items, request.Form.Ec2Filters(), filters, tagsOf).ToArray();
        var maxResults = request.Form.GetInt("MaxResults");
        if (maxResults is < 5 or > 1000)
        {
            throw new AwsErrorException("InvalidParameterValue", $"Value ( {maxResults} ) for parameter maxResults is invalid. Expecting a value between 5 and 1000.");
        }

        return Paging.Page(filtered, maxResults, Scenario.PageSize, request.Form.Get("NextToken"), "InvalidParameterValue");
    }

    private static Func<IReadOnlyList<string>, string> Missing(string singular, string plural) => ids => ids.Count == 1
        ? $"The {singular} '{ids[0]}' does not exist"
        : $"The {plural} '{string.Join(", ", ids)}' do not exist";

    private static string Owner(string? owner, Scenario scenario) => owner ?? scenario.AccountId;
}
