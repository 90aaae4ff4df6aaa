namespace ChatOpsBot.Runbooks.Evidence.Dns;

/// <summary>Resolves host names from where the bot runs. Never throws for NXDOMAIN: that is an answer.</summary>
public interface INameResolver
{
    Task<NameResolution> ResolveAsync(string hostName, CancellationToken cancellationToken);
}
