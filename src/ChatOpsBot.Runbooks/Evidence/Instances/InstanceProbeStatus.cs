namespace ChatOpsBot.Runbooks.Evidence.Instances;

/// <summary>Whether the probe ran on an instance.</summary>
public enum InstanceProbeStatus
{
    /// <summary>The script ran and its output was read.</summary>
    Success,

    /// <summary>Systems Manager does not manage the instance (InvalidInstanceId), or its agent is offline.</summary>
    NotManaged,

    /// <summary>The command could not be delivered (Undeliverable, DeliveryTimedOut, Terminated, InvalidPlatform).</summary>
    Undeliverable,

    /// <summary>No result within the timeout (or the command's execution timed out).</summary>
    TimedOut,

    /// <summary>The bot may not run commands (AccessDenied on ssm:SendCommand or ssm:GetCommandInvocation).</summary>
    AccessDenied,

    /// <summary>The command failed or was cancelled, or Systems Manager failed.</summary>
    Failed,
}
