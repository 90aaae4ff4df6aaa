namespace ChatOpsBot.Discord.Sessions;

/// <summary>Where diagnosis sessions live between clicks.</summary>
public interface ISessionStore
{
    void Add(DiagnosisSession session);

    DiagnosisSession? Find(string sessionId);
}
