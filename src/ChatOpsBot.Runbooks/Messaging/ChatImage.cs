namespace ChatOpsBot.Runbooks.Messaging;

/// <summary>
/// A picture that belongs to a message (a chart). <see cref="Png"/> is null when the picture was uploaded with an
/// earlier version of the message and is only referred to again by <see cref="FileName"/>.
/// </summary>
/// <param name="FileName">Stable and file-name safe, for example <c>5xx-by-producer.png</c>.</param>
/// <param name="Description">Alt text: what the picture shows, for people who cannot see it.</param>
public sealed record ChatImage(string FileName, string Description, ReadOnlyMemory<byte>? Png);
