namespace ChatOpsBot.Simulator.Sts;

/// <summary>Temporary credentials the simulated STS handed out, and whose role session they belong to.</summary>
public sealed record IssuedSession(
    string AccessKeyId,
    string SecretAccessKey,
    string SessionToken,
    DateTimeOffset Expiration,
    string RoleArn,
    string AssumedRoleArn,
    string AssumedRoleId,
    string RoleSessionName,
    string? ExternalId);
