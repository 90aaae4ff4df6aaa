namespace ChatOpsBot.Runbooks.Evidence.Instances;

/// <summary>Whether a dependency host name resolves on the instance (getent hosts), and to what.</summary>
public sealed record DependencyResolution(string Host, bool Resolves, IReadOnlyList<string> Addresses);
