namespace ChatOpsBot.Transcripts.Schema;

/// <summary>One schema step: applied once, in version order, inside the migration transaction.</summary>
/// <param name="Version">Strictly increasing, starting at 1; recorded in <c>schema_version</c>.</param>
/// <param name="Description">What the step does (stored with the version, for people reading the database).</param>
/// <param name="Sql">One or more statements for the provider it belongs to.</param>
internal sealed record Migration(int Version, string Description, string Sql);
