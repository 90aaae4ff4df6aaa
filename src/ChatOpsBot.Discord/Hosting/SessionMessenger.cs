using ChatOpsBot.Discord.Rendering;
using ChatOpsBot.Discord.Rest;
using ChatOpsBot.Discord.Sessions;
using ChatOpsBot.Runbooks.Messaging;

namespace ChatOpsBot.Discord.Hosting;

/// <summary>
/// Shows a session's current message. Within the interaction token's 15 minutes it edits the original response;
/// after that it edits the same message through the channel with the bot token (or posts a new one if the
/// message id was never learned). Edits of one session are serialised so a late progress edit can never
/// overwrite the findings.
/// </summary>
public sealed class SessionMessenger(IDiscordRestClient rest, TimeProvider time)
{
    /// <summary>Discord's interaction tokens live 15 minutes; stop using one a little before.</summary>
    public static readonly TimeSpan TokenLifetime = TimeSpan.FromMinutes(14.5);

    private readonly System.Runtime.CompilerServices.ConditionalWeakTable<DiagnosisSession, SemaphoreSlim> _locks = [];

    public async Task ShowAsync(DiagnosisSession session, ChatMessage message, CancellationToken cancellationToken)
    {
        var payload = DiscordRenderer.Render(message, session.Id);
        var gate = _locks.GetValue(session, _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(cancellationToken);
        try
        {
            DiscordMessageRef posted;
            if (session.InteractionToken is { } token && time.GetUtcNow() - session.CreatedAt < TokenLifetime)
            {
                posted = await rest.EditOriginalResponseAsync(token, payload, cancellationToken);
            }
            else if (session.MessageId is { } messageId && session.ChannelId is { } channel)
            {
                posted = await rest.EditChannelMessageAsync(channel, messageId, payload, cancellationToken);
            }
            else if (session.ChannelId is { } channelOnly)
            {
                posted = await rest.CreateChannelMessageAsync(channelOnly, payload, cancellationToken);
            }
            else
            {
                return;
            }

            session.PostedAt(new DiscordMessageLocation(posted.ChannelId, posted.Id), time.GetUtcNow(), message.Title + (message.Lead is { } lead ? ": " + lead : string.Empty));
        }
        finally
        {
            gate.Release();
        }
    }
}
