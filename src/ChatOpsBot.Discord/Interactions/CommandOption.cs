namespace ChatOpsBot.Discord.Interactions;

/// <summary>A leaf option of a slash command (subcommands flattened into <see cref="Interaction.CommandPath"/>).</summary>
/// <param name="Value">The value as text (numbers and booleans in invariant form).</param>
public sealed record CommandOption(string Name, int Type, string? Value, bool Focused);
