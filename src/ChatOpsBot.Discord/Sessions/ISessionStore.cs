using ChatOpsBot.Discord.Interactions;

namespace ChatOpsBot.Discord.Sessions;

/// <summary>Where diagnosis sessions live between clicks: the live ones of this process, backed by the durable
/// transcript store so that sessions survive restarts and are shared by replicas.</summary>
public interface ISessionStore
{
    /// <summary>This replica's name, recorded as the owner of the sessions it runs.</summary>
    string Owner { get; }

    Task AddAsync(DiagnosisSession session, CancellationToken cancellationToken);

    /// <summary>The live session, else the stored one (rehydrated, with the latest marks), else null.</summary>
    Task<DiagnosisSession?> FindAsync(string sessionId, CancellationToken cancellationToken);

    /// <summary>Writes the session's state and its pending transcript entries (only the replica running it).</summary>
    Task SaveAsync(DiagnosisSession session, CancellationToken cancellationToken);

    /// <summary>Writes only the pending transcript entries (safe from any replica).</summary>
    Task FlushAsync(DiagnosisSession session, CancellationToken cancellationToken);

    /// <summary>Records "I'm on it" atomically across replicas; false when someone already did.</summary>
    Task<bool> AcknowledgeAsync(DiagnosisSession session, DiscordUser user, DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>Marks resolved atomically across replicas; false when already resolved.</summary>
    Task<bool> ResolveAsync(DiagnosisSession session, DiscordUser user, DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>The session this process is running now (it holds the interaction token), else null; no store read.</summary>
    DiagnosisSession? Live(string sessionId);

    /// <summary>Forgets a live session once it has finished (it stays in the store).</summary>
    void Release(string sessionId);
}
