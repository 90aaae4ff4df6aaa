namespace ChatOpsBot.Runbooks.Engine;

/// <summary>Evidence sources per AWS region, for a long-running host that diagnoses in several regions.</summary>
public interface IEvidenceSourcesProvider
{
    /// <summary>The region used when a request names none.</summary>
    string DefaultRegion { get; }

    /// <summary>The sources for a region (created once and reused).</summary>
    EvidenceSources For(string region);
}
