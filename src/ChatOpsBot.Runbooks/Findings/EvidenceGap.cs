using ChatOpsBot.Runbooks.Evidence;

namespace ChatOpsBot.Runbooks.Findings;

/// <summary>A fact the runbook could not obtain, and why (for example a missing IAM permission).</summary>
public sealed record EvidenceGap(string Step, string IamAction, EvidenceFailureKind Kind, string Message);
