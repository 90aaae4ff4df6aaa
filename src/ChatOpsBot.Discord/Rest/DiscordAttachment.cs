namespace ChatOpsBot.Discord.Rest;

/// <summary>An attachment already on a message: the snowflake Discord gave it and its file name. An edit keeps it by
/// listing its id in <c>attachments</c> (API v10 removes every attachment an edit's list leaves out).</summary>
public sealed record DiscordAttachment(string Id, string FileName);
