namespace ChatOpsBot.Runbooks.Evidence.LoadBalancing;

/// <param name="Priority">A number as text, or <c>default</c> for the default rule.</param>
/// <param name="Conditions">One readable line per condition (for example <c>path-pattern: /api/*</c>).</param>
public sealed record RuleDescription(
    string Arn,
    string ListenerArn,
    string Priority,
    bool IsDefault,
    IReadOnlyList<RuleAction> Actions,
    IReadOnlyList<string> Conditions);
