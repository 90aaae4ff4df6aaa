namespace ChatOpsBot.Runbooks.Http503;

/// <summary>An instance the on-instance probe skipped, why (<paramref name="Kind"/>), and a sentence saying so.</summary>
public sealed record ProbeSkip(string InstanceId, ProbeSkipKind Kind, string Reason)
{
    /// <summary>Systems Manager cannot reach the instance: enabling SSM on it would make it checkable.</summary>
    public bool SsmUnreachable => Kind is ProbeSkipKind.NotManaged or ProbeSkipKind.AgentOffline;
}

public enum ProbeSkipKind
{
    /// <summary>The instance is not running (stopped, stopping, pending...): there is nothing to inspect.</summary>
    NotRunning,

    /// <summary>Systems Manager does not manage the instance.</summary>
    NotManaged,

    /// <summary>The SSM agent is not Online (ConnectionLost, Inactive).</summary>
    AgentOffline,
}
