namespace ChatOpsBot.Runbooks.Messaging;

/// <summary>One named block of a chat message.</summary>
/// <param name="Essential">Must survive when the message is cut to fit a platform's limits; the rest may be
/// shortened or left to the attached full report.</param>
public sealed record ChatField(string Name, string Value, bool Essential, ChatFieldFormat Format = ChatFieldFormat.Text, bool Inline = false);
