namespace ChatOpsBot.Runbooks.Messaging;

public enum ChatActionStyle
{
    Primary,
    Secondary,
    Success,
    Danger,
}
