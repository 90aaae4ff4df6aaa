using System.Xml.Linq;
using ChatOpsBot.Simulator.Hosting;
using ChatOpsBot.Simulator.Scenarios;
using static ChatOpsBot.Simulator.Hosting.XmlText;

namespace ChatOpsBot.Simulator.Elbv2;

/// <summary>Classic Elastic Load Balancing (2012-06-01): only DescribeLoadBalancers, to tell that a Classic LB exists.</summary>
internal sealed class ClassicElbApi(ScenarioIndex index) : IAwsApi
{
    private static readonly XNamespace Ns = "http://elasticloadbalancing.amazonaws.com/doc/2012-06-01/";

    public string SigningName => "elasticloadbalancing";

    public string ServiceName => "elb";

    public AwsProtocol Protocol => AwsProtocol.Query;

    public XNamespace XmlNamespace => Ns;

    public AwsResponse Handle(AwsRequest request)
    {
        if (request.Action != "DescribeLoadBalancers")
        {
            throw new AwsErrorException("InvalidAction", $"Could not find operation {request.Action} for version 2012-06-01");
        }

        var names = request.Form.Members("LoadBalancerNames");
        var all = index.Scenario.ClassicLoadBalancers;
        var missing = names.FirstOrDefault(n => all.All(c => c.Name != n));
        if (missing is not null)
        {
            throw new AwsErrorException("LoadBalancerNotFound", $"There is no ACTIVE Load Balancer named '{missing}'");
        }

        var selected = names.Count == 0 ? all : [.. all.Where(c => names.Contains(c.Name))];
        var (page, next) = Paging.Page(selected, request.Form.GetInt("PageSize"), index.Scenario.PageSize, request.Form.Get("Marker"), "ValidationError");
        return AwsResponse.Xml(Document(
            E("DescribeLoadBalancersResponse",
                E("DescribeLoadBalancersResult",
                    E("LoadBalancerDescriptions", page.Select(c => E("member",
                        E("LoadBalancerName", c.Name),
                        E("DNSName", c.DnsName ?? $"{c.Name}-{DerivedIds.Hex(c.Name, 9)}.{index.Scenario.Region}.elb.amazonaws.com"),
                        E("Scheme", c.Scheme),
                        Optional(Ns + "VPCId", c.VpcId),
                        E("AvailabilityZones", c.AvailabilityZones.Select(z => E("member", z))),
                        E("Subnets", c.Subnets.Select(s => E("member", s))),
                        E("ListenerDescriptions"),
                        E("Instances"),
                        E("CreatedTime", "2019-04-02T10:11:12.000Z")))),
                    Optional(Ns + "NextMarker", next)),
                E("ResponseMetadata", E("RequestId", request.RequestId)))));
    }

    private static XElement E(string name, params object?[] content) => new(Ns + name, content);
}
