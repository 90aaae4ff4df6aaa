using System.Collections.Concurrent;

namespace ChatOpsBot.Discord.Sessions;

/// <summary>Sessions in process memory: lost on restart (buttons on older messages then answer that the session is
/// unknown). A durable store replaces it for restarts and several replicas.</summary>
public sealed class InMemorySessionStore : ISessionStore
{
    private readonly ConcurrentDictionary<string, DiagnosisSession> _sessions = new(StringComparer.Ordinal);

    public void Add(DiagnosisSession session) => _sessions[session.Id] = session;

    public DiagnosisSession? Find(string sessionId) => _sessions.GetValueOrDefault(sessionId);
}
