namespace ChatOpsBot.Discord.Sessions;

public enum SessionState
{
    Queued,
    Running,
    Finished,
    Failed,
}
