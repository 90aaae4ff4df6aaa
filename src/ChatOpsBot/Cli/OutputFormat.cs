namespace ChatOpsBot.Cli;

public enum OutputFormat
{
    Text,
    Markdown,
    Json,
}
