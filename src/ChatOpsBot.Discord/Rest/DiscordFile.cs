namespace ChatOpsBot.Discord.Rest;

/// <summary>A file uploaded with a message (multipart <c>files[n]</c>).</summary>
public sealed record DiscordFile(string FileName, ReadOnlyMemory<byte> Content, string ContentType);
