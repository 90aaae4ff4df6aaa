namespace ChatOpsBot.Runbooks.Evidence.LoadBalancing;

/// <summary>A listener or rule action.</summary>
/// <param name="Type">forward, redirect, fixed-response, authenticate-oidc, authenticate-cognito, jwt-validation.</param>
/// <param name="TargetGroups">For forward actions: <c>TargetGroupArn</c> and every <c>ForwardConfig</c> group (deduplicated).</param>
public sealed record RuleAction(
    string Type,
    int? Order,
    IReadOnlyList<WeightedTargetGroup> TargetGroups,
    FixedResponseAction? FixedResponse);
