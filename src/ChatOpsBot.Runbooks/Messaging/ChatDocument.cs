namespace ChatOpsBot.Runbooks.Messaging;

/// <summary>A document to attach (for example the full report as Markdown when the message cannot hold it).</summary>
public sealed record ChatDocument(string FileName, string Content);
