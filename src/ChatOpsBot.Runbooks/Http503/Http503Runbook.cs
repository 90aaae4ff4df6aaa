using ChatOpsBot.Runbooks.Causes;
using ChatOpsBot.Runbooks.Engine;
using ChatOpsBot.Runbooks.Evidence;
using ChatOpsBot.Runbooks.Findings;
using ChatOpsBot.Runbooks.Http503.Checks;
using ChatOpsBot.Runbooks.Rendering;
using ChatOpsBot.Runbooks.Telemetry;
using Stateless;
using Stateless.Graph;

namespace ChatOpsBot.Runbooks.Http503;

/// <summary>
/// The 503 runbook as a Stateless state machine over an <see cref="Http503Session"/> (external state storage).
/// Gathering states fetch one wave of AWS evidence on entry; checking states judge it; guards over the stored
/// evidence choose every branch. The machine is rebuilt for each fire, so the session alone is the state.
/// </summary>
public sealed class Http503Runbook(EvidenceSources sources, TimeProvider time)
{
    public const string Name = "503";

    private static readonly Http503State[] Terminal =
    [
        Http503State.Diagnosed, Http503State.RejectedInput, Http503State.LoadBalancerNotFound, Http503State.Unsupported, Http503State.AccessProblem,
    ];

    public static bool IsTerminal(Http503State state) => Terminal.Contains(state);

    /// <summary>The runbook's graph in Mermaid, as kept in docs/runbooks/503.mmd.</summary>
    public static string Graph()
    {
        var session = new Http503Session(new DiagnosisRequest(Name, "graph", "us-east-1", TimeSpan.FromHours(1)), DateTimeOffset.UnixEpoch);
        var runbook = new Http503Runbook(new EvidenceSources(null!, null!, null!, null, null), TimeProvider.System);
        return MermaidGraph.Format(runbook.Build(session, [], CancellationToken.None).GetInfo()).ReplaceLineEndings("\n");
    }

    public async Task<DiagnosisReport> RunAsync(DiagnosisRequest request, IDiagnosisObserver? observer, CancellationToken cancellationToken) =>
        (await RunWithSessionAsync(request, observer, cancellationToken)).Report;

    /// <summary>Runs a diagnosis and returns its session with the report, for callers that show the evidence itself (charts).</summary>
    public async Task<(DiagnosisReport Report, Http503Session Session)> RunWithSessionAsync(DiagnosisRequest request, IDiagnosisObserver? observer, CancellationToken cancellationToken)
    {
        var session = new Http503Session(request, time.GetUtcNow());
        using var scope = EvidenceCallLog.Begin(out var log);
        using var activity = ChatOpsTelemetry.Source.StartActivity($"diagnose {Name}");
        activity?.SetTag("chatopsbot.runbook", Name);
        activity?.SetTag("chatopsbot.load_balancer", request.LoadBalancer);
        activity?.SetTag("cloud.region", request.Region);
        var runbookTag = new KeyValuePair<string, object?>("runbook", Name);
        RunbookMetrics.Started.Add(1, runbookTag);
        try
        {
            await RunToEndAsync(session, observer, cancellationToken);
        }
        catch (Exception e)
        {
            var outcome = e is OperationCanceledException ? "cancelled" : "error";
            RunbookMetrics.Finished.Add(1, runbookTag, new("outcome", outcome), new("root_cause", "none"));
            ChatOpsTelemetry.Fail(activity, outcome == "cancelled" ? "cancelled" : e.GetType().Name);
            throw;
        }

        var report = Http503Report.Build(session, log.Calls, time.GetUtcNow() - session.StartedAt);
        var rootCause = report.RootCause.ToWire();
        RunbookMetrics.Finished.Add(1, runbookTag, new("outcome", ReportJson.Outcome(report.Outcome)), new("root_cause", rootCause));
        activity?.SetTag("chatopsbot.outcome", ReportJson.Outcome(report.Outcome));
        activity?.SetTag("chatopsbot.root_cause", rootCause);
        return (report, session);
    }

    /// <summary>Fires until the session reaches a terminal state; safe to call on a session restored mid-way.</summary>
    public async Task RunToEndAsync(Http503Session session, IDiagnosisObserver? observer, CancellationToken cancellationToken)
    {
        var guards = new Dictionary<(Http503State, Http503State), string>();
        while (!IsTerminal(session.State))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var from = session.State;
            var trigger = from == Http503State.Start ? Http503Trigger.Begin : Http503Trigger.Continue;
            session.StepDetail = null;
            var stepStarted = time.GetTimestamp();
            using (var step = ChatOpsTelemetry.Source.StartActivity("runbook step"))
            {
                try
                {
                    await Build(session, guards, cancellationToken).FireAsync(trigger);
                }
                catch (Exception e)
                {
                    ChatOpsTelemetry.Fail(step, e is OperationCanceledException ? "cancelled" : e.GetType().Name);
                    throw;
                }

                if (step is not null)
                {
                    step.DisplayName = $"step {session.State}";
                    step.SetTag("chatopsbot.state", session.State.ToString());
                    step.SetTag("chatopsbot.from_state", from.ToString());
                }
            }

            RunbookMetrics.StepDuration.Record(
                time.GetElapsedTime(stepStarted).TotalSeconds, new("runbook", Name), new("state", session.State.ToString()));
            session.Timeline.Add(new TransitionRecord(
                from.ToString(),
                session.State.ToString(),
                trigger.ToString(),
                guards.GetValueOrDefault((from, session.State)),
                time.GetUtcNow(),
                session.StepDetail));
            if (observer is not null)
            {
                await observer.OnProgressAsync(Http503Report.Progress(session, time.GetUtcNow() - session.StartedAt), cancellationToken);
            }
        }
    }

    internal StateMachine<Http503State, Http503Trigger> Build(Http503Session s, Dictionary<(Http503State, Http503State), string> guards, CancellationToken ct)
    {
        var machine = new StateMachine<Http503State, Http503Trigger>(() => s.State, state => s.State = state);
        var gather = new Http503Gathering(sources, time);

        void If(Http503State from, Http503State to, Func<Http503Session, bool> guard, string description)
        {
            guards[(from, to)] = description;
            machine.Configure(from).PermitIf(from == Http503State.Start ? Http503Trigger.Begin : Http503Trigger.Continue, to, () => guard(s), description);
        }

        void Then(Http503State from, Http503State to)
        {
            guards[(from, to)] = "step done";
            machine.Configure(from).Permit(Http503Trigger.Continue, to);
        }

        void Check(Http503State state, Action<Http503Session> check, string description) =>
            machine.Configure(state).OnEntry(() => check(s), description);

        If(Http503State.Start, Http503State.RejectedInput, Http503Guards.InputMalformed, "input is not a load balancer name or ARN");
        If(Http503State.Start, Http503State.ResolvingLoadBalancer, Http503Guards.InputWellFormed, "input is a name or ARN");

        machine.Configure(Http503State.ResolvingLoadBalancer).OnEntryAsync(() => { Parse(s); return gather.ResolveAsync(s, ct); }, "DescribeLoadBalancers");
        If(Http503State.ResolvingLoadBalancer, Http503State.GatheringConfiguration, Http503Guards.Found, "application or network load balancer found");
        If(Http503State.ResolvingLoadBalancer, Http503State.Unsupported, Http503Guards.FoundUnsupportedType, "classic or gateway load balancer");
        If(Http503State.ResolvingLoadBalancer, Http503State.LoadBalancerNotFound, Http503Guards.NotFound, "no load balancer by that name or ARN");
        If(Http503State.ResolvingLoadBalancer, Http503State.AccessProblem, Http503Guards.AwsUnusable, "no credentials or access denied");

        machine.Configure(Http503State.GatheringConfiguration).OnEntryAsync(() => gather.GatherConfigurationAsync(s, ct), "listeners, target groups, attributes, VPC, subnets, ACLs, security groups, nodes, DNS");
        Then(Http503State.GatheringConfiguration, Http503State.GatheringHealthAndMetrics);

        machine.Configure(Http503State.GatheringHealthAndMetrics).OnEntryAsync(() => gather.GatherHealthAndMetricsAsync(s, ct), "rules, target health, group attributes, GetMetricData, DHCP options, prefix lists");
        If(Http503State.GatheringHealthAndMetrics, Http503State.GatheringTargets, Http503Guards.HasAddressableTargets, "instance or IP target groups routed");
        If(Http503State.GatheringHealthAndMetrics, Http503State.AttributingErrors, Http503Guards.NoAddressableTargets, "only Lambda or ALB target groups");

        machine.Configure(Http503State.GatheringTargets).OnEntryAsync(() => gather.GatherTargetsAsync(s, ct), "instances, target interfaces, SSM");
        If(Http503State.GatheringTargets, Http503State.ProbingInstances, Http503Guards.ProbeWanted, "on-instance checks requested");
        If(Http503State.GatheringTargets, Http503State.AttributingErrors, Http503Guards.ProbeNotWanted, "no on-instance checks");

        machine.Configure(Http503State.ProbingInstances).OnEntryAsync(() => new InstanceProbing(sources).ProbeAsync(s, ct), "SSM Run Command: service, sockets, local health check, DNS, logs");
        Then(Http503State.ProbingInstances, Http503State.AttributingErrors);

        Check(Http503State.AttributingErrors, AttributionCheck.Run, "who produced the 5xx");
        If(Http503State.AttributingErrors, Http503State.CheckingFixedResponse, Http503Guards.IsApplication, "application load balancer");
        If(Http503State.AttributingErrors, Http503State.CheckingRegistration, Http503Guards.IsNetwork, "network load balancer (no HTTP rules)");

        Check(Http503State.CheckingFixedResponse, FixedResponseCheck.Run, "fixed-response 5xx rules");
        Then(Http503State.CheckingFixedResponse, Http503State.CheckingRegistration);

        Check(Http503State.CheckingRegistration, RegistrationCheck.Run, "targets in service per group and zone");
        If(Http503State.CheckingRegistration, Http503State.CheckingTargetHealth, Http503Guards.HasTargetsInService, "targets in service");
        If(Http503State.CheckingRegistration, Http503State.CheckingDns, Http503Guards.NoTargetsInService, "no target in service to check");

        Check(Http503State.CheckingTargetHealth, TargetHealthCheck.Run, "health states and reason codes");
        If(Http503State.CheckingTargetHealth, Http503State.CheckingNetworkPath, Http503Guards.HasAddressableTargets, "instance or IP target groups routed");
        If(Http503State.CheckingTargetHealth, Http503State.CheckingHealthCheckSettings, Http503Guards.NoAddressableTargets, "Lambda or ALB targets only");

        Check(Http503State.CheckingNetworkPath, NetworkPathCheck.Run, "security groups and network ACLs, both directions");
        Then(Http503State.CheckingNetworkPath, Http503State.CheckingHealthCheckSettings);

        Check(Http503State.CheckingHealthCheckSettings, HealthCheckSettingsCheck.Run, "path, port, protocol, matcher");
        Then(Http503State.CheckingHealthCheckSettings, Http503State.CheckingHealthCheckTimeouts);

        Check(Http503State.CheckingHealthCheckTimeouts, HealthCheckTimeoutCheck.Run, "Target.Timeout and p99 versus timeout");
        Then(Http503State.CheckingHealthCheckTimeouts, Http503State.CheckingDns);

        Check(Http503State.CheckingDns, DnsCheck.Run, "VPC DNS attributes, DHCP options, name resolution");
        If(Http503State.CheckingDns, Http503State.CheckingOnInstance, Http503Guards.HasProbeEvidence, "on-instance results");
        If(Http503State.CheckingDns, Http503State.CheckingCapacity, Http503Guards.NoProbeEvidence, "no on-instance results");

        Check(Http503State.CheckingOnInstance, OnInstanceCheck.Run, "what the instances themselves show");
        Then(Http503State.CheckingOnInstance, Http503State.CheckingCapacity);

        Check(Http503State.CheckingCapacity, CapacityCheck.Run, "state, rejected connections, LCUs");
        Then(Http503State.CheckingCapacity, Http503State.Concluding);

        Check(Http503State.Concluding, Checks.Decision.Run, "one root cause, contributing causes");
        Then(Http503State.Concluding, Http503State.Diagnosed);
        foreach (var terminal in Terminal)
        {
            machine.Configure(terminal).OnEntry(() => Finish(s), "report");
        }

        return machine;
    }

    private static void Finish(Http503Session s)
    {
        if (s.State == Http503State.RejectedInput)
        {
            Parse(s);
        }

        s.StepTitle = "Finished";
    }

    private static void Parse(Http503Session s)
    {
        s.StepTitle = "Read the request";
        s.Identifier = LoadBalancerIdentifier.Parse(s.Request.LoadBalancer, out var error);
        s.InputError = error;
        s.StepDetail = error;
    }
}
