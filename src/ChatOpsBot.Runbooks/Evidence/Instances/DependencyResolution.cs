namespace ChatOpsBot.Runbooks.Evidence.Instances;

/// <summary>Whether a dependency host name resolves on the instance (getent hosts), and to what.</summary>
/// <param name="Known">False when the instance has no getent, so whether it resolves was not checked (<paramref name="Resolves"/> is then false).</param>
public sealed record DependencyResolution(string Host, bool Resolves, IReadOnlyList<string> Addresses, bool Known = true)
{
    /// <summary>Checked, and it does not resolve.</summary>
    public bool Unresolved => Known && !Resolves;
}
