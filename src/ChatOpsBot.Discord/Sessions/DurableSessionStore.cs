using System.Collections.Concurrent;
using ChatOpsBot.Discord.Interactions;
using ChatOpsBot.Runbooks.Sessions;

namespace ChatOpsBot.Discord.Sessions;

/// <summary>Sessions written through to an <see cref="ITranscriptStore"/>; live ones also kept in memory (they hold
/// the interaction token, which is never stored).</summary>
public sealed class DurableSessionStore(ITranscriptStore store, string owner) : ISessionStore
{
    private readonly ConcurrentDictionary<string, DiagnosisSession> _live = new(StringComparer.Ordinal);

    public string Owner { get; } = owner;

    public async Task AddAsync(DiagnosisSession session, CancellationToken cancellationToken)
    {
        _live[session.Id] = session;
        await store.CreateSessionAsync(session.ToRecord(Owner), cancellationToken);
        await AppendAsync(session, cancellationToken);
    }

    public async Task<DiagnosisSession?> FindAsync(string sessionId, CancellationToken cancellationToken)
    {
        var stored = await store.GetSessionAsync(sessionId, cancellationToken);
        if (_live.TryGetValue(sessionId, out var live))
        {
            if (stored is not null)
            {
                live.Refresh(stored);
            }

            return live;
        }

        return stored is null ? null : new DiagnosisSession(stored);
    }

    public async Task SaveAsync(DiagnosisSession session, CancellationToken cancellationToken)
    {
        await AppendAsync(session, cancellationToken);
        await store.UpdateSessionAsync(session.ToRecord(Owner), cancellationToken);
    }

    public async Task<bool> AcknowledgeAsync(DiagnosisSession session, DiscordUser user, DateTimeOffset at, CancellationToken cancellationToken)
    {
        if (!await store.TryAcknowledgeAsync(session.Id, user.DisplayName, at, cancellationToken))
        {
            if (await store.GetSessionAsync(session.Id, cancellationToken) is { } stored)
            {
                session.Refresh(stored);
            }

            return false;
        }

        session.Acknowledged(user, at);
        await AppendAsync(session, cancellationToken);
        return true;
    }

    public async Task<bool> ResolveAsync(DiagnosisSession session, DiscordUser user, DateTimeOffset at, CancellationToken cancellationToken)
    {
        if (!await store.TryResolveAsync(session.Id, user.DisplayName, at, cancellationToken))
        {
            if (await store.GetSessionAsync(session.Id, cancellationToken) is { } stored)
            {
                session.Refresh(stored);
            }

            return false;
        }

        session.Resolved(user, at);
        await AppendAsync(session, cancellationToken);
        return true;
    }

    public Task FlushAsync(DiagnosisSession session, CancellationToken cancellationToken) => AppendAsync(session, cancellationToken);

    public DiagnosisSession? Live(string sessionId) => _live.GetValueOrDefault(sessionId);

    public void Release(string sessionId) => _live.TryRemove(sessionId, out _);

    private async Task AppendAsync(DiagnosisSession session, CancellationToken cancellationToken)
    {
        var entries = session.TakeOutbox();
        if (entries.Count > 0)
        {
            await store.AppendAsync(entries, cancellationToken);
        }
    }
}
