namespace ChatOpsBot.Simulator.Scenarios;

/// <summary>A listener or rule action. <see cref="TargetGroupArn"/> may also be a target group name.</summary>
public sealed record ScenarioAction
{
    /// <summary>forward, redirect, fixed-response, authenticate-oidc, authenticate-cognito.</summary>
    public required string Type { get; init; }

    public int? Order { get; init; }

    public string? TargetGroupArn { get; init; }

    public ScenarioForwardConfig? ForwardConfig { get; init; }

    public ScenarioFixedResponseConfig? FixedResponseConfig { get; init; }

    public ScenarioRedirectConfig? RedirectConfig { get; init; }
}
