namespace ChatOpsBot.Discord.Rendering;

/// <summary>An embed's text after fitting. <see cref="Shortened"/> is true when anything was cut or left out.</summary>
internal sealed record FittedEmbed(string? Title, string? Description, IReadOnlyList<FittedField> Fields, string? Footer, bool Shortened)
{
    /// <summary>What Discord counts against <see cref="DiscordLimits.EmbedTotalLength"/>.</summary>
    public int Length => (Title?.Length ?? 0) + (Description?.Length ?? 0) + (Footer?.Length ?? 0) + Fields.Sum(f => f.Name.Length + f.Value.Length);
}
