using ChatOpsBot.Runbooks.Evidence.Instances;

namespace ChatOpsBot.Runbooks.Engine;

/// <summary>What the user asked: a symptom, a load balancer (name or ARN), the region, and how far back to look.</summary>
/// <param name="OnInstance">Read-only checks on the instances through SSM; null (the default) leaves them off.
/// A finished diagnosis can be run again with the same request <c>with { OnInstance = ... }</c>.</param>
/// <param name="Account">The configured account alias the diagnosis runs in (its role is assumed); null means the
/// bot's own credentials.</param>
public sealed record DiagnosisRequest(string Symptom, string LoadBalancer, string Region, TimeSpan Window, InstanceProbeOptions? OnInstance = null, string? Account = null);
