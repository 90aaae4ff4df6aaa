using ChatOpsBot.Runbooks.Causes;
using ChatOpsBot.Runbooks.Engine;
using ChatOpsBot.Runbooks.Evidence;
using ChatOpsBot.Runbooks.Findings;

namespace ChatOpsBot.Runbooks.Http503;

/// <summary>
/// The stored state of one 503 diagnosis: the state machine's current state (external state storage),
/// the evidence gathered so far, the verdict on each cause and the timeline. The machine is rebuilt over
/// this record for every fire, so a session can be persisted between steps.
/// </summary>
public sealed class Http503Session(DiagnosisRequest request, DateTimeOffset startedAt)
{
    public DiagnosisRequest Request { get; } = request;

    public DateTimeOffset StartedAt { get; } = startedAt;

    public Http503State State { get; set; } = Http503State.Start;

    public LoadBalancerIdentifier? Identifier { get; set; }

    /// <summary>Why the input was rejected before any AWS call.</summary>
    public string? InputError { get; set; }

    /// <summary>The failure that made AWS unusable (no credentials, access denied on the first call).</summary>
    public EvidenceException? FatalError { get; set; }

    public Http503Evidence Evidence { get; } = new();

    public Dictionary<CauseId, CauseFinding> Findings { get; } = [];

    public List<EvidenceGap> Gaps { get; } = [];

    public List<TransitionRecord> Timeline { get; } = [];

    /// <summary>Every network path evaluated (set by the network step; read by the health-check and timeout steps).</summary>
    public List<TargetPathResult> PathResults { get; } = [];

    /// <summary>Who produced the 5xx, as a sentence (set by the attribution step).</summary>
    public string? Attribution { get; set; }

    /// <summary>The load balancer produced a material number of 503s itself (null when metrics were unavailable).</summary>
    public bool? LoadBalancerProduces503 { get; set; }

    public CauseId RootCause { get; set; } = CauseId.None;

    public List<CauseId> Contributing { get; } = [];

    public string? Headline { get; set; }

    public List<string> Suggestions { get; } = [];

    /// <summary>What the last step did and found, for progress messages and the timeline.</summary>
    public string StepTitle { get; set; } = "Starting";

    public string? StepDetail { get; set; }

    public void Record(CauseFinding finding) => Findings[finding.Cause] = finding;

    public void AddGap(string step, EvidenceException failure)
    {
        lock (Gaps)
        {
            if (!Gaps.Any(g => g.IamAction == failure.IamAction && g.Kind == failure.Kind))
            {
                Gaps.Add(new EvidenceGap(step, failure.IamAction, failure.Kind, failure.Message));
            }
        }
    }

    /// <summary>The gaps that stop a check, as a sentence naming the IAM actions, or null when there are none.</summary>
    public string? GapSentence(params string[] iamActions)
    {
        var hits = Gaps.Where(g => iamActions.Contains(g.IamAction, StringComparer.Ordinal)).ToArray();
        if (hits.Length == 0)
        {
            return null;
        }

        return string.Join("; ", hits.Select(g => g.Kind switch
        {
            EvidenceFailureKind.AccessDenied => $"missing IAM permission {g.IamAction}",
            EvidenceFailureKind.Throttled => $"{g.IamAction} was throttled and retries gave up",
            _ => $"{g.IamAction} failed: {g.Message}",
        }));
    }
}
