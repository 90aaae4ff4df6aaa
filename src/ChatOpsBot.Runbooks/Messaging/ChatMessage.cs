namespace ChatOpsBot.Runbooks.Messaging;

/// <summary>
/// A platform-neutral chat message: a title, a lead sentence, ordered fields, buttons. Each chat adapter renders
/// it within its own limits; <see cref="FullReport"/> is what to attach when the essentials are all that fit.
/// </summary>
/// <param name="AlwaysAttach">Attach <see cref="FullReport"/> even when everything fits (the transcript).</param>
/// <param name="Images">Pictures to show with the message (charts), the main one first; null or empty for none.</param>
public sealed record ChatMessage(
    string Title,
    MessageTone Tone,
    string? Lead,
    IReadOnlyList<ChatField> Fields,
    IReadOnlyList<ChatAction> Actions,
    string? Footer,
    ChatDocument? FullReport,
    bool AlwaysAttach = false,
    IReadOnlyList<ChatImage>? Images = null);
