namespace ChatOpsBot.Discord.Interactions;

/// <summary>Interaction callback (response) types.</summary>
public enum CallbackType
{
    Pong = 1,
    ChannelMessageWithSource = 4,
    DeferredChannelMessageWithSource = 5,
    DeferredUpdateMessage = 6,
    UpdateMessage = 7,
    ApplicationCommandAutocompleteResult = 8,
}
