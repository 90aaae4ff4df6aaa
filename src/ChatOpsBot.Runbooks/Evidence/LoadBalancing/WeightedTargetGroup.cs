namespace ChatOpsBot.Runbooks.Evidence.LoadBalancing;

public sealed record WeightedTargetGroup(string TargetGroupArn, int? Weight);
