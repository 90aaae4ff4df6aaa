using ChatOpsBot.Runbooks.Causes;
using ChatOpsBot.Runbooks.Findings;
using static ChatOpsBot.Runbooks.Http503.Checks.Numbers;

namespace ChatOpsBot.Runbooks.Http503.Checks;

/// <summary>Does a listener default action or rule answer with a fixed 5xx response, and does it fire?</summary>
internal static class FixedResponseCheck
{
    public static void Run(Http503Session s)
    {
        var e = s.Evidence;
        var lb = e.LoadBalancer!;
        s.StepTitle = "Checked listener rules for fixed-response 5xx actions";
        if (e.Listeners is null)
        {
            var gap = s.GapSentence("elasticloadbalancing:DescribeListeners") ?? "listeners could not be read";
            s.Record(new CauseFinding(CauseId.FixedResponse, CauseStatus.Inconclusive, $"Could not read the listeners: {gap}.", [], null));
            s.StepDetail = gap;
            return;
        }

        var fixed5xx = Http503Topology.Actions(e)
            .Where(a => a.Action.Type == "fixed-response" && a.Action.FixedResponse?.StatusCode is { Length: 3 } code && code[0] == '5')
            .ToArray();
        var missingRules = (e.Listeners).Where(l => !e.Rules.ContainsKey(l.Arn)).ToArray();
        double? fired = e.Metrics is { } m && !m.Failed(Http503Metrics.FixedResponses) ? m.Sum(Http503Metrics.FixedResponses) : null;
        if (fixed5xx.Length == 0)
        {
            if (missingRules.Length > 0)
            {
                var gap = s.GapSentence("elasticloadbalancing:DescribeRules") ?? "rules could not be read";
                s.Record(new CauseFinding(CauseId.FixedResponse, CauseStatus.Inconclusive, $"No default action answers with a fixed 5xx, but the rules of {missingRules.Length} listeners could not be read: {gap}.", [], null));
            }
            else
            {
                s.Record(new CauseFinding(CauseId.FixedResponse, CauseStatus.RuledOut, "No listener default action or rule answers with a fixed 5xx response.", [], null));
            }

            s.StepDetail = "no fixed-response 5xx action";
            return;
        }

        var facts = fixed5xx.Select(a => Fact.Of(
            a.RuleArn is null ? "elasticloadbalancing:DescribeListeners" : "elasticloadbalancing:DescribeRules",
            $"{a.Where} answers fixed-response {a.Action.FixedResponse!.StatusCode}{(a.Action.FixedResponse.MessageBody is { Length: > 0 } body ? $" \"{Truncate(body)}\"" : string.Empty)}.",
            a.RuleArn is null ? [a.ListenerArn] : [a.RuleArn, a.ListenerArn])).ToList();
        if (fired is { } count)
        {
            facts.Add(Fact.Of("cloudwatch:GetMetricData", $"HTTP_Fixed_Response_Count: {N(count)} in the last {Minutes(s.Request.Window)}.", lb.MetricDimension));
        }

        var first = fixed5xx[0];
        var forwardTo = ForwardTarget(e, first.ListenerArn);
        var fix = first.RuleArn is { } ruleArn && !first.IsDefault
            ? new Fix(
                $"Point {first.Where} back at a target group (or delete the rule) once the maintenance it announces is over.",
                forwardTo is null
                    ? AwsCli.Command(lb.Region, ["elbv2", "delete-rule"], ("rule-arn", ruleArn))
                    : AwsCli.Command(lb.Region, ["elbv2", "modify-rule"], ("rule-arn", ruleArn), ("actions", $"Type=forward,TargetGroupArn={forwardTo}")),
                "A fixed-response action answers every matching request itself with the configured status code; no target is ever asked.")
            : new Fix(
                $"Make the default action of {first.Where.Replace(" default rule", string.Empty, StringComparison.Ordinal).Replace(" default action", string.Empty, StringComparison.Ordinal)} forward to a target group.",
                AwsCli.Command(lb.Region, ["elbv2", "modify-listener"], ("listener-arn", first.ListenerArn), ("default-actions", $"Type=forward,TargetGroupArn={forwardTo ?? "<target-group-arn>"}")),
                "The default action answers every request no other rule matches with the fixed status code; forwarding sends those requests to targets instead.");

        if (fired is null)
        {
            s.Record(new CauseFinding(CauseId.FixedResponse, CauseStatus.Inconclusive, $"{first.Where} answers {first.Action.FixedResponse!.StatusCode}, but without metrics it is unknown whether it fires.", facts, fix));
        }
        else if (fired > 0)
        {
            s.Record(new CauseFinding(CauseId.FixedResponse, CauseStatus.Confirmed, $"{first.Where} answers with a fixed {first.Action.FixedResponse!.StatusCode}, and fixed responses fired {N(fired.Value)} times.", facts, fix));
        }
        else
        {
            s.Record(new CauseFinding(CauseId.FixedResponse, CauseStatus.RuledOut, $"{first.Where} would answer {first.Action.FixedResponse!.StatusCode}, but no fixed response fired in the window.", facts, null));
        }

        s.StepDetail = s.Findings[CauseId.FixedResponse].Summary;
    }

    /// <summary>The group to send traffic back to: one this listener already forwards to, else one of the load
    /// balancer's groups with targets in service, else none (the fix then carries a placeholder).</summary>
    private static string? ForwardTarget(Http503Evidence e, string listenerArn)
    {
        var onListener = Http503Topology.Actions(e)
            .Where(a => a.ListenerArn == listenerArn && a.Action.Type == "forward")
            .SelectMany(a => a.Action.TargetGroups)
            .Select(g => g.TargetGroupArn)
            .FirstOrDefault();
        return onListener
            ?? (e.TargetGroups ?? []).FirstOrDefault(tg => Http503Topology.Targets(e, tg).Any(t => !Http503Topology.IsOutOfService(t)))?.Arn;
    }

    /// <summary>The body as a person reads it: HTML tags dropped, whitespace collapsed, at most 80 characters.</summary>
    private static string Truncate(string body)
    {
        var text = System.Text.RegularExpressions.Regex.Replace(body, "<[^>]*>", " ");
        text = System.Text.RegularExpressions.Regex.Replace(System.Net.WebUtility.HtmlDecode(text), @"\s+", " ").Trim();
        return text.Length <= 80 ? text : text[..77] + "...";
    }
}
