using ChatOpsBot.Aws.Query;
using ChatOpsBot.Runbooks.Evidence;
using ChatOpsBot.Runbooks.Evidence.LoadBalancing;

namespace ChatOpsBot.Aws.Elbv2;

/// <summary><see cref="ILoadBalancingEvidence"/> over the ELBv2 Query API (2015-12-01), with the Classic API
/// (2012-06-01, same endpoint and signing name) asked only to tell "no such load balancer" from "it is a Classic one".</summary>
internal sealed class Elbv2LoadBalancingEvidence(AwsQueryClient elbv2, AwsQueryClient classic) : ILoadBalancingEvidence
{
    public const string Version = "2015-12-01";
    public const string ClassicVersion = "2012-06-01";
    private const int PageSize = 400;

    public async Task<LoadBalancerLookup> FindLoadBalancerAsync(string nameOrArn, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(nameOrArn);
        var key = nameOrArn.Trim();
        var isArn = key.StartsWith("arn:", StringComparison.Ordinal);
        var classicName = isArn ? ClassicNameFromArn(key) : key;
        if (!isArn || classicName is null)
        {
            var parameters = new QueryParameters().AddList(isArn ? "LoadBalancerArns" : "Names", [key]);
            try
            {
                var result = await elbv2.SendAsync("DescribeLoadBalancers", parameters, cancellationToken).ConfigureAwait(false);
                if (Elbv2Xml.LoadBalancers(result).FirstOrDefault() is { } found)
                {
                    return new LoadBalancerLookup(found, ClassicExists: false, KnownNames: []);
                }
            }
            catch (EvidenceException ex) when (ex.Kind == EvidenceFailureKind.NotFound)
            {
            }
        }

        var known = ListNamesAsync(cancellationToken);
        var classicExists = classicName is null ? Task.FromResult(false) : ClassicExistsAsync(classicName, cancellationToken);
        await Task.WhenAll(known, classicExists).ConfigureAwait(false);
        return new LoadBalancerLookup(null, await classicExists.ConfigureAwait(false), await known.ConfigureAwait(false));
    }

    public async Task<IReadOnlyList<ListenerDescription>> GetListenersAsync(string loadBalancerArn, CancellationToken cancellationToken)
    {
        var pages = await elbv2.SendAllPagesAsync(
            "DescribeListeners", new QueryParameters().Add("LoadBalancerArn", loadBalancerArn).Add("PageSize", PageSize), "Marker", "NextMarker", cancellationToken)
            .ConfigureAwait(false);
        return [.. pages.SelectMany(p => p.Members("Listeners")).Select(Elbv2Xml.Listener)];
    }

    public async Task<IReadOnlyList<RuleDescription>> GetRulesAsync(string listenerArn, CancellationToken cancellationToken)
    {
        var pages = await elbv2.SendAllPagesAsync(
            "DescribeRules", new QueryParameters().Add("ListenerArn", listenerArn).Add("PageSize", PageSize), "Marker", "NextMarker", cancellationToken)
            .ConfigureAwait(false);
        return [.. pages.SelectMany(p => p.Members("Rules")).Select(m => Elbv2Xml.Rule(m, listenerArn))];
    }

    public async Task<IReadOnlyList<TargetGroupDescription>> GetTargetGroupsAsync(string loadBalancerArn, CancellationToken cancellationToken)
    {
        var pages = await elbv2.SendAllPagesAsync(
            "DescribeTargetGroups", new QueryParameters().Add("LoadBalancerArn", loadBalancerArn).Add("PageSize", PageSize), "Marker", "NextMarker", cancellationToken)
            .ConfigureAwait(false);
        return [.. pages.SelectMany(p => p.Members("TargetGroups")).Select(Elbv2Xml.TargetGroup)];
    }

    public async Task<IReadOnlyList<TargetHealthDescription>> GetTargetHealthAsync(string targetGroupArn, CancellationToken cancellationToken)
    {
        var result = await elbv2.SendAsync(
            "DescribeTargetHealth", new QueryParameters().Add("TargetGroupArn", targetGroupArn), cancellationToken).ConfigureAwait(false);
        return [.. result.Members("TargetHealthDescriptions").Select(Elbv2Xml.TargetHealth)];
    }

    public async Task<IReadOnlyDictionary<string, string>> GetTargetGroupAttributesAsync(string targetGroupArn, CancellationToken cancellationToken)
    {
        var result = await elbv2.SendAsync(
            "DescribeTargetGroupAttributes", new QueryParameters().Add("TargetGroupArn", targetGroupArn), cancellationToken).ConfigureAwait(false);
        return Elbv2Xml.Attributes(result);
    }

    public async Task<IReadOnlyDictionary<string, string>> GetLoadBalancerAttributesAsync(string loadBalancerArn, CancellationToken cancellationToken)
    {
        var result = await elbv2.SendAsync(
            "DescribeLoadBalancerAttributes", new QueryParameters().Add("LoadBalancerArn", loadBalancerArn), cancellationToken).ConfigureAwait(false);
        return Elbv2Xml.Attributes(result);
    }

    public async Task<CapacityReservation> GetCapacityReservationAsync(string loadBalancerArn, CancellationToken cancellationToken)
    {
        var result = await elbv2.SendAsync(
            "DescribeCapacityReservation", new QueryParameters().Add("LoadBalancerArn", loadBalancerArn), cancellationToken).ConfigureAwait(false);
        return Elbv2Xml.Capacity(result);
    }

    /// <summary>The name in a Classic ARN (<c>…:loadbalancer/name</c>); null for ELBv2 ARNs (<c>…:loadbalancer/app/name/id</c>).</summary>
    internal static string? ClassicNameFromArn(string arn)
    {
        const string marker = ":loadbalancer/";
        var at = arn.IndexOf(marker, StringComparison.Ordinal);
        if (at < 0)
        {
            return null;
        }

        var rest = arn[(at + marker.Length)..];
        return rest.Length > 0 && !rest.Contains('/', StringComparison.Ordinal) ? rest : null;
    }

    public Task<IReadOnlyList<string>> ListLoadBalancerNamesAsync(CancellationToken cancellationToken) => ListNamesAsync(cancellationToken);

    private async Task<IReadOnlyList<string>> ListNamesAsync(CancellationToken cancellationToken)
    {
        var pages = await elbv2.SendAllPagesAsync(
            "DescribeLoadBalancers", new QueryParameters().Add("PageSize", PageSize), "Marker", "NextMarker", cancellationToken).ConfigureAwait(false);
        return [.. pages.SelectMany(Elbv2Xml.LoadBalancers).Select(lb => lb.Name).Where(n => n.Length > 0).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];
    }

    private async Task<bool> ClassicExistsAsync(string name, CancellationToken cancellationToken)
    {
        try
        {
            var result = await classic.SendAsync(
                "DescribeLoadBalancers", new QueryParameters().AddList("LoadBalancerNames", [name]), cancellationToken).ConfigureAwait(false);
            return result.Members("LoadBalancerDescriptions").Any();
        }
        catch (EvidenceException ex) when (ex.Kind is EvidenceFailureKind.NotFound or EvidenceFailureKind.AccessDenied or EvidenceFailureKind.InvalidRequest)
        {
            return false;
        }
    }
}
