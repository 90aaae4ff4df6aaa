using ChatOpsBot.Runbooks.Causes;
using ChatOpsBot.Runbooks.Engine;
using ChatOpsBot.Runbooks.Evidence;
using ChatOpsBot.Runbooks.Evidence.LoadBalancing;
using ChatOpsBot.Runbooks.Findings;

namespace ChatOpsBot.Runbooks.Http503;

/// <summary>Turns a session into the neutral report and progress snapshots every renderer uses.</summary>
public static class Http503Report
{
    public static DiagnosisReport Build(Http503Session s, IReadOnlyList<EvidenceCall> calls, TimeSpan duration)
    {
        var lb = LoadBalancer(s);
        var region = s.Evidence.LoadBalancer?.Region ?? s.Identifier?.Region ?? s.Request.Region;
        var (outcome, headline, suggestions) = s.State switch
        {
            Http503State.RejectedInput => (DiagnosisOutcome.BadInput, s.InputError ?? "The load balancer given is malformed.", (IReadOnlyList<string>)[]),
            Http503State.LoadBalancerNotFound => NotFound(s, region),
            Http503State.Unsupported => Unsupported(s),
            Http503State.AccessProblem => AccessProblem(s),
            _ => (DiagnosisOutcome.Diagnosed, s.Headline ?? "Diagnosis incomplete.", s.Suggestions),
        };
        var notReached = s.State == Http503State.Diagnosed ? NotReachedReason(s) : $"Not checked: {headline}";
        var causes = CauseIds.Checked
            .Select(c => s.Findings.TryGetValue(c, out var f) ? f : CauseFinding.NotChecked(c, ReasonFor(s, c) ?? notReached))
            .ToArray();
        return new DiagnosisReport(
            Http503Runbook.Name,
            outcome,
            lb,
            region,
            s.StartedAt,
            s.Request.Window,
            s.RootCause,
            [.. s.Contributing],
            headline,
            s.Attribution,
            causes,
            [.. s.Gaps],
            [.. s.Timeline],
            suggestions,
            duration,
            calls,
            s.Request.Account);
    }

    public static DiagnosisProgress Progress(Http503Session s, TimeSpan elapsed) => new(
        s.State.ToString(),
        s.StepTitle,
        s.StepDetail,
        LoadBalancer(s),
        s.Findings.ToDictionary(kv => kv.Key, kv => kv.Value.Status),
        elapsed,
        Http503Runbook.IsTerminal(s.State));

    private static LoadBalancerRef LoadBalancer(Http503Session s) => s.Evidence.LoadBalancer is { } lb
        ? new LoadBalancerRef(lb.Name, lb.Arn, lb.Type.ToString().ToLowerInvariant(), lb.StateCode)
        : new LoadBalancerRef(s.Request.LoadBalancer, s.Identifier?.IsArn == true ? s.Identifier.Value : null, s.Evidence.Lookup?.ClassicExists == true ? "classic" : null, null);

    private static (DiagnosisOutcome, string, IReadOnlyList<string>) NotFound(Http503Session s, string region)
    {
        var known = s.Evidence.Lookup?.KnownNames ?? [];
        var closest = NameSuggestions.Closest(s.Identifier?.IsArn == true ? s.Identifier.Value.Split('/').ElementAtOrDefault(2) ?? s.Request.LoadBalancer : s.Request.LoadBalancer, known);
        var headline = s.Identifier?.IsArn == true
            ? $"No load balancer with ARN {s.Request.LoadBalancer} in {region}."
            : $"No load balancer named {s.Request.LoadBalancer} in {region}.";
        if (closest.Count > 0)
        {
            headline += $" Did you mean: {string.Join(", ", closest)}?";
        }
        else if (known.Count == 0)
        {
            headline += " There are no application or network load balancers in that region; check --region.";
        }

        return (DiagnosisOutcome.BadInput, headline, closest.Select(c => $"diagnose 503 {c} --region {region}").ToArray());
    }

    private static (DiagnosisOutcome, string, IReadOnlyList<string>) Unsupported(Http503Session s)
    {
        var lb = s.Evidence.LoadBalancer;
        var headline = lb?.Type == LoadBalancerType.Gateway
            ? $"{lb.Name} is a Gateway Load Balancer: it forwards IP packets to appliances and answers no HTTP, so the 503 runbook does not apply."
            : $"{s.Request.LoadBalancer} is a Classic Load Balancer: the 503 runbook supports Application and Network Load Balancers; Classic is not supported yet.";
        IReadOnlyList<string> suggestions = lb?.Type == LoadBalancerType.Gateway
            ? []
            : ["For a Classic load balancer, look at HTTPCode_ELB_5XX, SpilloverCount and SurgeQueueLength in AWS/ELB, and DescribeInstanceHealth."];
        return (DiagnosisOutcome.Unsupported, headline, suggestions);
    }

    private static (DiagnosisOutcome, string, IReadOnlyList<string>) AccessProblem(Http503Session s)
    {
        var e = s.FatalError!;
        var headline = e.Kind switch
        {
            EvidenceFailureKind.NoCredentials when e.ErrorCode == EvidenceException.RoleNotAssumedCode => $"The role could not be assumed{(s.Request.Account is { } a ? $" for account '{a}'" : string.Empty)}: {e.Message}",
            EvidenceFailureKind.NoCredentials => $"No usable AWS credentials: {e.Message}",
            EvidenceFailureKind.AccessDenied => $"AWS denied {e.IamAction}, the first call of the runbook: {e.Message}",
            EvidenceFailureKind.Throttled => $"AWS kept throttling {e.IamAction} and the retries gave up: {e.Message}",
            _ => $"AWS could not be reached for {e.IamAction}: {e.Message}",
        };
        IReadOnlyList<string> suggestions = e.Kind switch
        {
            // The sentence already names the setting or policy to fix.
            EvidenceFailureKind.NoCredentials when e.ErrorCode == EvidenceException.RoleNotAssumedCode => [],
            EvidenceFailureKind.NoCredentials => ["Configure credentials: `aws configure`, `--profile NAME` / AWS_PROFILE, AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, or run where an instance/task role is attached."],
            EvidenceFailureKind.AccessDenied => [$"Grant {e.IamAction} (and the rest of {IamPolicyFiles.PathFor(e.IamAction)}) to the identity the bot runs as."],
            _ => ["Try again in a minute; if it persists, check the endpoint settings (AWS_ENDPOINT_URL*) and network access to AWS."],
        };
        return (DiagnosisOutcome.AccessProblem, headline, suggestions);
    }

    private static string NotReachedReason(Http503Session s) =>
        s.Timeline.Any(t => t.To == nameof(Http503State.CheckingDns) && t.From == nameof(Http503State.CheckingRegistration))
            ? "Not reached: no target is in service, so target-level checks do not apply."
            : "Not reached.";

    private static string? ReasonFor(Http503Session s, CauseId cause) =>
        cause == CauseId.FixedResponse && s.Evidence.LoadBalancer?.Type == LoadBalancerType.Network
            ? "Network load balancers have no fixed-response actions."
            : null;
}
