using ChatOpsBot.Runbooks.Engine;
using ChatOpsBot.Runbooks.Evidence;
using ChatOpsBot.Runbooks.Evidence.LoadBalancing;
using ChatOpsBot.Runbooks.Http503;

namespace ChatOpsBot.Runbooks.Tests.Support;

/// <summary>Sessions built by hand with every wave of evidence gathered, as the checks see them.</summary>
internal static class TestSessions
{
    public static DiagnosisRequest Request(string loadBalancer = Shop.AlbName) =>
        new("503", loadBalancer, Shop.Region, TimeSpan.FromMinutes(60));

    /// <summary>The healthy shop ALB (see <see cref="Shop"/>): both targets healthy, metrics gathered with no errors.</summary>
    public static Http503Session HealthyAlb()
    {
        var s = new Http503Session(Request(), MetricsBuilder.End);
        var e = s.Evidence;
        e.Lookup = new LoadBalancerLookup(Shop.Alb(), false, []);
        e.Listeners = [Shop.HttpListener(Shop.ForwardTo(Shop.WebTgArn))];
        e.Rules[Shop.ListenerArn] = [Shop.DefaultRule(Shop.ForwardTo(Shop.WebTgArn))];
        e.TargetGroups = [Shop.WebTargetGroup()];
        e.TargetHealth[Shop.WebTgArn] = Shop.HealthyTargets();
        e.TargetGroupAttributes[Shop.WebTgArn] = new Dictionary<string, string> { ["load_balancing.cross_zone.enabled"] = "use_load_balancer_configuration" };
        e.LoadBalancerAttributes = new Dictionary<string, string> { ["idle_timeout.timeout_seconds"] = "60" };
        e.CapacityReservation = new CapacityReservation(null, []);
        e.Vpc = Shop.Vpc();
        e.DhcpOptions = Shop.AmazonDhcpOptions();
        e.Subnets = Shop.Subnets();
        e.NetworkAcls = Shop.NetworkAcls();
        e.SecurityGroups = Shop.SecurityGroups();
        e.PrefixLists = [];
        e.LoadBalancerInterfaces = Shop.AlbInterfaces();
        e.Instances = Shop.Instances();
        e.TargetInterfaces = [];
        e.LoadBalancerDns = Shop.AlbResolves();
        e.Metrics = new MetricsBuilder(e).With(Http503Metrics.Requests, 1000, 1000, 1000).Build();
        return s;
    }

    /// <summary>The shop's network load balancer forwarding TCP 80 to shop-web (TCP 8080).</summary>
    public static Http503Session HealthyNlb()
    {
        var s = new Http503Session(Request(Shop.NlbName), MetricsBuilder.End);
        var e = s.Evidence;
        e.Lookup = new LoadBalancerLookup(Shop.Nlb(), false, []);
        e.Listeners = [new ListenerDescription(Shop.ListenerArn.Replace("/app/shop-alb/50dc6c495c0c9188/", "/net/shop-nlb/7f3a1c2b9d8e4f60/", StringComparison.Ordinal), Shop.NlbArn, 80, "TCP", [Shop.ForwardTo(Shop.WebTgArn)])];
        e.TargetGroups = [Shop.WebTargetGroup(Shop.HealthCheck(protocol: "TCP", path: null, timeout: 10, matcher: null), protocol: "TCP", loadBalancerArn: Shop.NlbArn)];
        e.TargetHealth[Shop.WebTgArn] = Shop.HealthyTargets();
        e.TargetGroupAttributes[Shop.WebTgArn] = new Dictionary<string, string>();
        e.LoadBalancerAttributes = new Dictionary<string, string> { ["load_balancing.cross_zone.enabled"] = "false" };
        e.CapacityReservation = new CapacityReservation(null, []);
        e.Vpc = Shop.Vpc();
        e.DhcpOptions = Shop.AmazonDhcpOptions();
        e.Metrics = new MetricsBuilder(e).Build();
        return s;
    }

    /// <summary>Records a failed call the way the gathering step does.</summary>
    public static void Deny(this Http503Session s, string step, string service, string operation, EvidenceFailureKind kind = EvidenceFailureKind.AccessDenied) =>
        s.AddGap(step, new EvidenceException(kind, service, operation, kind == EvidenceFailureKind.AccessDenied ? "AccessDenied" : "Throttling", $"User: arn:aws:sts::{Shop.AccountId}:assumed-role/chatops-bot/bot is not authorized to perform: {service}:{operation}"));
}
