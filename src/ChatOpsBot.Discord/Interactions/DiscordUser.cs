namespace ChatOpsBot.Discord.Interactions;

/// <param name="DisplayName">global_name, else username.</param>
public sealed record DiscordUser(string Id, string Username, string DisplayName)
{
    /// <summary>A mention that renders as the user's name (allowed_mentions keeps it from pinging).</summary>
    public string Mention => $"<@{Id}>";
}
