namespace ChatOpsBot.Runbooks.Sessions;

public enum SessionStatus
{
    Queued,
    Running,
    Finished,
    Failed,

    /// <summary>The process running it stopped before it finished (restart, crash).</summary>
    Interrupted,
}
