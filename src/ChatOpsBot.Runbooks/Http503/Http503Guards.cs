using ChatOpsBot.Runbooks.Evidence;
using ChatOpsBot.Runbooks.Evidence.LoadBalancing;

namespace ChatOpsBot.Runbooks.Http503;

/// <summary>The runbook's guards: pure functions of the stored session. None of them calls AWS.</summary>
internal static class Http503Guards
{
    public static bool InputMalformed(Http503Session s) => !InputWellFormed(s);

    public static bool InputWellFormed(Http503Session s) => Engine.LoadBalancerIdentifier.Parse(s.Request.LoadBalancer, out _) is not null;

    public static bool AwsUnusable(Http503Session s) => s.FatalError is not null;

    public static bool Found(Http503Session s) =>
        s.FatalError is null && s.Evidence.LoadBalancer is { Type: LoadBalancerType.Application or LoadBalancerType.Network };

    public static bool FoundUnsupportedType(Http503Session s) =>
        s.FatalError is null
        && (s.Evidence.LoadBalancer is { Type: LoadBalancerType.Gateway or LoadBalancerType.Classic }
            || (s.Evidence.LoadBalancer is null && s.Evidence.Lookup?.ClassicExists == true));

    public static bool NotFound(Http503Session s) =>
        s.FatalError is null && s.Evidence.LoadBalancer is null && s.Evidence.Lookup?.ClassicExists != true;

    /// <summary>Some routed group holds instance or IP targets (known or not yet readable): a network path exists to check.</summary>
    public static bool HasAddressableTargets(Http503Session s) =>
        Http503Topology.InUseTargetGroups(s.Evidence).Any(tg => tg.TargetType is "instance" or "ip");

    public static bool NoAddressableTargets(Http503Session s) => !HasAddressableTargets(s);

    /// <summary>The user asked for on-instance checks and some routed group has instance targets to probe.</summary>
    public static bool ProbeWanted(Http503Session s) =>
        s.Request.OnInstance is not null
        && Http503Topology.InUseTargetGroups(s.Evidence).Any(tg => tg.TargetType == "instance" && Http503Topology.Targets(s.Evidence, tg).Count > 0);

    public static bool ProbeNotWanted(Http503Session s) => !ProbeWanted(s);

    /// <summary>ProbingInstances ran (it always records its probes, possibly none, with any skipped instances): there is instance-level evidence to judge.</summary>
    public static bool HasProbeEvidence(Http503Session s) => s.Evidence.InstanceProbes is not null;

    public static bool NoProbeEvidence(Http503Session s) => !HasProbeEvidence(s);

    public static bool IsApplication(Http503Session s) => s.Evidence.LoadBalancer?.Type == LoadBalancerType.Application;

    public static bool IsNetwork(Http503Session s) => !IsApplication(s);

    /// <summary>Some routed group has targets in service, or their health is unknown: target-level checks are worth running.</summary>
    public static bool HasTargetsInService(Http503Session s)
    {
        var inUse = Http503Topology.InUseTargetGroups(s.Evidence);
        return inUse.Any(tg => !s.Evidence.TargetHealth.TryGetValue(tg.Arn, out var t) || t.Any(x => !Http503Topology.IsOutOfService(x)));
    }

    public static bool NoTargetsInService(Http503Session s) => !HasTargetsInService(s);

    public static bool FirstCallDenied(EvidenceException e) => e.Kind is EvidenceFailureKind.AccessDenied or EvidenceFailureKind.NoCredentials;
}
