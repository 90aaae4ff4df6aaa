namespace ChatOpsBot.Simulator.Scenarios;

/// <summary>An assumable role: its ARN, the external id its trust policy requires, and how long its sessions may last.</summary>
public sealed record ScenarioRole
{
    /// <summary><c>arn:aws:iam::&lt;account&gt;:role/&lt;name&gt;</c>.</summary>
    public required string Arn { get; init; }

    /// <summary>The <c>sts:ExternalId</c> the trust policy requires; null means none is required.</summary>
    public string? ExternalId { get; init; }

    /// <summary>The role's MaxSessionDuration (3600 to 43200; AWS default 3600).</summary>
    public int MaxSessionDurationSeconds { get; init; } = 3600;

    /// <summary>Whether the trust policy also trusts a web identity provider (AssumeRoleWithWebIdentity).</summary>
    public bool WebIdentity { get; init; }
}
