namespace ChatOpsBot.Runbooks.Evidence.LoadBalancing;

public sealed record FixedResponseAction(string StatusCode, string? ContentType, string? MessageBody);
