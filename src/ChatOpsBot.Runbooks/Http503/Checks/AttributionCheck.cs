using ChatOpsBot.Runbooks.Causes;
using ChatOpsBot.Runbooks.Evidence.LoadBalancing;
using ChatOpsBot.Runbooks.Findings;
using static ChatOpsBot.Runbooks.Http503.Checks.Numbers;

namespace ChatOpsBot.Runbooks.Http503.Checks;

/// <summary>
/// Who produced the errors: the load balancer (HTTPCode_ELB_503_Count) or the targets (HTTPCode_Target_5XX_Count).
/// Decides <see cref="CauseId.TargetErrors"/> as a by-product.
/// </summary>
internal static class AttributionCheck
{
    public static void Run(Http503Session s)
    {
        var lb = s.Evidence.LoadBalancer!;
        var m = s.Evidence.Metrics;
        s.StepTitle = "Asked CloudWatch who produced the 5xx";
        if (m is not null && (m.Failed(Http503Metrics.Elb503) || m.Failed(Http503Metrics.Target5xx) || m.Failed(Http503Metrics.Requests) || m.Failed(Http503Metrics.ElbResets)))
        {
            m = null;
        }

        if (m is null)
        {
            var gap = s.GapSentence("cloudwatch:GetMetricData") ?? "CloudWatch metrics were not available";
            s.Attribution = $"Unknown: {gap}.";
            s.StepDetail = s.Attribution;
            s.Record(new CauseFinding(CauseId.TargetErrors, CauseStatus.Inconclusive, $"Could not tell who produced the 5xx: {gap}.", [], null));
            return;
        }

        var window = Minutes(s.Request.Window);
        if (lb.Type != LoadBalancerType.Application)
        {
            var elbResets = m.Sum(Http503Metrics.ElbResets);
            var targetResets = m.Sum(Http503Metrics.TargetResets);
            s.Attribution = $"A network load balancer answers no HTTP codes: in the last {window} it reset {N(elbResets)} connections itself and targets reset {N(targetResets)} (TCP_ELB_Reset_Count, TCP_Target_Reset_Count).";
            s.StepDetail = s.Attribution;
            s.LoadBalancerProduces503 = false;
            s.Record(CauseFinding.NotChecked(CauseId.TargetErrors, "Network load balancers pass TCP through and see no HTTP status codes; any 503 comes from the application itself."));
            return;
        }

        var elb503 = m.Sum(Http503Metrics.Elb503);
        var elb502 = m.Sum(Http503Metrics.Elb502);
        var elb504 = m.Sum(Http503Metrics.Elb504);
        var elb5xx = Math.Max(m.Sum(Http503Metrics.Elb5xx), elb503 + elb502 + elb504);
        var target5xx = m.Sum(Http503Metrics.Target5xx);
        var requests = m.Sum(Http503Metrics.Requests);
        s.LoadBalancerProduces503 = Material(elb503, requests);
        var elbParts = new List<string>();
        if (elb503 > 0)
        {
            elbParts.Add($"{N(elb503)} 503 (HTTPCode_ELB_503_Count)");
        }

        if (elb502 > 0)
        {
            elbParts.Add($"{N(elb502)} 502 (HTTPCode_ELB_502_Count: targets refused or reset the connection, or answered malformed)");
        }

        if (elb504 > 0)
        {
            elbParts.Add($"{N(elb504)} 504 (HTTPCode_ELB_504_Count: targets did not accept or answer in time)");
        }

        var other = elb5xx - elb503 - elb502 - elb504;
        if (other > 0)
        {
            elbParts.Add($"{N(other)} other 5xx (HTTPCode_ELB_5XX_Count)");
        }

        var elbText = string.Join(", ", elbParts);
        var not503 = elb5xx > 0 && elb503 == 0 ? " None of them is a 503: users see the load balancer's 502/504 pages." : string.Empty;
        var fact = Fact.Of(
            "cloudwatch:GetMetricData",
            $"Last {window}: from the load balancer {N(elb503)} HTTPCode_ELB_503_Count, {N(elb502)} HTTPCode_ELB_502_Count, {N(elb504)} HTTPCode_ELB_504_Count ({N(elb5xx)} HTTPCode_ELB_5XX_Count in all); from targets {N(target5xx)} HTTPCode_Target_5XX_Count; {N(requests)} requests.",
            lb.MetricDimension);
        s.Attribution = (elb5xx, target5xx) switch
        {
            ( > 0, > 0) => $"Both: the load balancer generated {elbText} and targets returned {N(target5xx)} 5xx (HTTPCode_Target_5XX_Count) in the last {window}.{not503}",
            ( > 0, _) => $"The load balancer itself generated the errors in the last {window}: {elbText}; targets returned no 5xx.{not503}",
            (_, > 0) => $"The targets returned the errors: {N(target5xx)} HTTPCode_Target_5XX_Count in the last {window}; the load balancer generated no 5xx itself.",
            _ => $"No 5xx was recorded in the last {window} (of {N(requests)} requests).",
        };
        s.StepDetail = s.Attribution;

        if (Material(target5xx, requests))
        {
            var groups = Http503Topology.InUseTargetGroups(s.Evidence);
            var all = s.Evidence.TargetGroups ?? [];
            var facts = new List<Fact> { fact };
            for (var i = 0; i < all.Count; i++)
            {
                var t5 = m.Sum(Http503Metrics.TgTarget5xx(i));
                if (t5 > 0)
                {
                    facts.Add(Fact.Of("cloudwatch:GetMetricData", $"Target group {all[i].Name} returned {N(t5)} 5xx.", all[i].Arn));
                }
            }

            var failOpen = groups.Where(tg =>
            {
                var t = Http503Topology.Targets(s.Evidence, tg);
                var index = Http503Topology.IndexOf(all, tg);
                return t.Count > 0 && t.All(Http503Topology.IsUnhealthy) && index >= 0 && m.Sum(Http503Metrics.TgTarget5xx(index)) > 0;
            }).Select(tg => tg.Name).ToArray();
            if (failOpen.Length > 0)
            {
                facts.Add(Fact.Of(
                    "elasticloadbalancing:DescribeTargetHealth",
                    $"Every target of {string.Join(", ", failOpen)} is unhealthy, so the load balancer fails open and sends requests to them anyway: their errors reach users as target 5xx, not as load-balancer 503.",
                    failOpen));
            }

            s.Record(new CauseFinding(
                CauseId.TargetErrors,
                CauseStatus.Confirmed,
                $"Targets returned {N(target5xx)} 5xx in the last {window}: the application answers with errors itself.",
                facts,
                new Fix(
                    "Find out why the application answers 5xx: read its logs for the failing requests, and check the dependencies it calls.",
                    AwsCli.Command(lb.Region, ["cloudwatch", "get-metric-statistics"], ("namespace", "AWS/ApplicationELB"), ("metric-name", "HTTPCode_Target_5XX_Count"), ("dimensions", $"Name=LoadBalancer,Value={lb.MetricDimension}"), ("statistics", "Sum"), ("period", "60"), ("start-time", m.Start.ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture)), ("end-time", m.End.ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture))),
                    "These responses were produced by your targets, not the load balancer; no load-balancer setting will change them. The command shows when they started, to match with deploys and dependency alarms.")));
        }
        else
        {
            s.Record(new CauseFinding(CauseId.TargetErrors, CauseStatus.RuledOut, $"Targets returned {N(target5xx)} 5xx in the last {window}: not material.", [fact], null));
        }
    }
}
