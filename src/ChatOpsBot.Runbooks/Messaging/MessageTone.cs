namespace ChatOpsBot.Runbooks.Messaging;

/// <summary>How a message should look at a glance (a chat adapter maps it to a colour).</summary>
public enum MessageTone
{
    Neutral,
    Progress,
    Danger,
    Warning,
    Success,
}
