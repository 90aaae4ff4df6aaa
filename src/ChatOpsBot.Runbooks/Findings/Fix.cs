namespace ChatOpsBot.Runbooks.Findings;

/// <summary>A concrete remedy: what to do, the exact <c>aws</c> command with the real ids, and why it works.</summary>
public sealed record Fix(string Summary, string Command, string Why);
