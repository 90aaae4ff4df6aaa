namespace ChatOpsBot.Hosting;

/// <summary>One line of <c>/readyz</c>: a check's name, whether it passed, and if not what is wrong and what to fix.</summary>
public sealed record ReadinessCheck(string Name, bool Ok, string? Problem = null, string? Fix = null);
