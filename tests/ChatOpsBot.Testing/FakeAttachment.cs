namespace ChatOpsBot.Testing;

/// <summary>An attachment stored on a message: the id Discord gave it, and the uploaded bytes.</summary>
public sealed record FakeAttachment(string Id, string FileName, string? ContentType, string? Description, byte[] Content);
