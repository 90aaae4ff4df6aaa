namespace ChatOpsBot.Aws.Configuration;

/// <summary>One named target account (configuration section <c>Aws:Accounts:&lt;alias&gt;</c>): the role the bot
/// assumes there with STS AssumeRole, and the region diagnoses in that account default to.</summary>
public sealed record AwsAccountSettings
{
    /// <summary>The role to assume, <c>arn:aws:iam::&lt;account&gt;:role/&lt;name&gt;</c>.</summary>
    public required string RoleArn { get; init; }

    /// <summary>The external id the role's trust policy requires (<c>sts:ExternalId</c>); null when none is required.</summary>
    public string? ExternalId { get; init; }

    /// <summary>The default region of diagnoses in this account; null falls back to the bot's default region.</summary>
    public string? Region { get; init; }

    /// <summary>How long the temporary credentials last (900 to 43200 seconds, at most the role's MaxSessionDuration);
    /// null leaves STS's default of one hour.</summary>
    public int? DurationSeconds { get; init; }
}
