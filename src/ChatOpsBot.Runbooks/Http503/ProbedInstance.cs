using ChatOpsBot.Runbooks.Evidence.Instances;

namespace ChatOpsBot.Runbooks.Http503;

/// <summary>One instance's probe result with what it was asked: the target group, its zone and the request.</summary>
public sealed record ProbedInstance(string TargetGroupArn, string? AvailabilityZone, InstanceProbeRequest Request, InstanceProbeOutcome Outcome);
