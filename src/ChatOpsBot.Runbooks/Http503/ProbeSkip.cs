namespace ChatOpsBot.Runbooks.Http503;

/// <summary>An instance the on-instance probe skipped (not managed by SSM, agent offline), and why.</summary>
public sealed record ProbeSkip(string InstanceId, string Reason);
