namespace ChatOpsBot.Runbooks.Evidence.Instances;

/// <param name="PingStatus">Online, ConnectionLost or Inactive.</param>
public sealed record ManagedInstance(string InstanceId, string PingStatus, string? AgentVersion, string? PlatformType);
