namespace ChatOpsBot.Runbooks.Engine;

/// <summary>What the user asked: a symptom, a load balancer (name or ARN), the region, and how far back to look.</summary>
public sealed record DiagnosisRequest(string Symptom, string LoadBalancer, string Region, TimeSpan Window);
