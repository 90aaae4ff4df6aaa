namespace ChatOpsBot.Discord.Rendering;

/// <summary>An embed field after fitting: trimmed, non-empty and within Discord's limits.</summary>
internal sealed record FittedField(string Name, string Value, bool Inline);
