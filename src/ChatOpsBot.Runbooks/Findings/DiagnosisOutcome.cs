namespace ChatOpsBot.Runbooks.Findings;

public enum DiagnosisOutcome
{
    /// <summary>The runbook ran to its end (whatever it found, including nothing).</summary>
    Diagnosed,

    /// <summary>The input named no load balancer that exists, or was malformed.</summary>
    BadInput,

    /// <summary>The load balancer exists but this runbook cannot handle its type yet.</summary>
    Unsupported,

    /// <summary>AWS could not be used at all: no credentials, or access denied on the first call.</summary>
    AccessProblem,
}
