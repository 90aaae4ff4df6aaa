namespace ChatOpsBot.Runbooks.Engine;

/// <summary>Evidence sources per account alias and AWS region, for a long-running host that diagnoses in several
/// accounts and regions.</summary>
public interface IEvidenceSourcesProvider
{
    /// <summary>The region used when a request names none and no account alias sets one.</summary>
    string DefaultRegion { get; }

    /// <summary>The configured account aliases, sorted (empty when only the bot's own credentials are used).</summary>
    IReadOnlyList<string> Accounts { get; }

    /// <summary>The alias used when a request names none; null means the bot's own credentials.</summary>
    string? DefaultAccount { get; }

    /// <summary>The sources for a region with the bot's own credentials (created once and reused).</summary>
    EvidenceSources For(string region);

    /// <summary>The default region of an account alias (the alias's own region, else <see cref="DefaultRegion"/>).</summary>
    /// <exception cref="UnknownAccountException">The alias is not configured.</exception>
    string RegionFor(string? account);

    /// <summary>The sources for a region in an account alias (null: the bot's own credentials).</summary>
    /// <exception cref="UnknownAccountException">The alias is not configured.</exception>
    EvidenceSources For(string region, string? account);

    /// <summary>The configured spelling of <paramref name="account"/> (aliases match case-insensitively), or
    /// <see cref="DefaultAccount"/> when it is null or blank.</summary>
    /// <exception cref="UnknownAccountException">The alias is not configured.</exception>
    string? ResolveAccount(string? account);
}
