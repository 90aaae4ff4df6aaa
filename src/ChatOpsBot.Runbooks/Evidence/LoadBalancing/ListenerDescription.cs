namespace ChatOpsBot.Runbooks.Evidence.LoadBalancing;

public sealed record ListenerDescription(
    string Arn,
    string LoadBalancerArn,
    int Port,
    string Protocol,
    IReadOnlyList<RuleAction> DefaultActions);
