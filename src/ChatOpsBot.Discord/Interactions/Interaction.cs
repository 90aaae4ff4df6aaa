namespace ChatOpsBot.Discord.Interactions;

/// <summary>The parts of an incoming interaction the bot uses. Snowflakes stay strings.</summary>
/// <param name="CommandPath">Command name then subcommand group/subcommand names, e.g. ["diagnose", "503"].</param>
/// <param name="CustomId">For message components: the button's custom_id.</param>
/// <param name="MessageId">For message components: the message the button is on.</param>
/// <param name="MessageAttachments">For message components: the attachments the message has now (to keep on an edit).</param>
/// <param name="MemberRoles">Role ids of the invoking member (empty in DMs).</param>
public sealed record Interaction(
    string Id,
    string ApplicationId,
    InteractionType Type,
    string Token,
    string? GuildId,
    string? ChannelId,
    DiscordUser User,
    IReadOnlyList<string> MemberRoles,
    IReadOnlyList<string> CommandPath,
    IReadOnlyList<CommandOption> Options,
    string? CustomId,
    string? MessageId,
    IReadOnlyList<Rest.DiscordAttachment>? MessageAttachments = null)
{
    public string? Option(string name) => Options.FirstOrDefault(o => o.Name == name)?.Value;

    public CommandOption? Focused => Options.FirstOrDefault(o => o.Focused);

    public override string ToString() => $"interaction {Id} type {Type} by {User.Id}"; // never the token
}
