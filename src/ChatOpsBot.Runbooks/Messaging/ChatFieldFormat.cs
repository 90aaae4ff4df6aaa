namespace ChatOpsBot.Runbooks.Messaging;

public enum ChatFieldFormat
{
    /// <summary>Markdown text.</summary>
    Text,

    /// <summary>A shell command to show verbatim in a code block.</summary>
    Command,
}
