namespace ChatOpsBot.Runbooks.Evidence;

/// <summary>
/// Collects the provider calls made on behalf of one diagnosis. The engine opens a log with <see cref="Begin"/>;
/// adapters record into <see cref="Current"/>, which flows with the async context, so concurrent diagnoses
/// sharing one client never mix their counts.
/// </summary>
public sealed class EvidenceCallLog
{
    private static readonly AsyncLocal<EvidenceCallLog?> Ambient = new();
    private readonly List<EvidenceCall> _calls = [];
    private readonly Lock _gate = new();

    public static EvidenceCallLog? Current => Ambient.Value;

    public IReadOnlyList<EvidenceCall> Calls
    {
        get
        {
            lock (_gate)
            {
                return [.. _calls];
            }
        }
    }

    /// <summary>Makes a new log current for the calling async flow; dispose the scope to restore the previous one.</summary>
    public static Scope Begin(out EvidenceCallLog log)
    {
        var previous = Ambient.Value;
        log = new EvidenceCallLog();
        Ambient.Value = log;
        return new Scope(previous);
    }

    public void Record(EvidenceCall call)
    {
        lock (_gate)
        {
            _calls.Add(call);
        }
    }

    /// <summary>
    /// The number of sequential waves: the longest chain of calls in which each starts only after the previous
    /// one ended. Concurrent calls share a wave; a paginated or dependent call adds one.
    /// </summary>
    public int SequentialWaves() => CountWaves(Calls);

    /// <summary>The number of sequential waves in any list of calls (see <see cref="SequentialWaves()"/>).</summary>
    public static int CountWaves(IEnumerable<EvidenceCall> recorded)
    {
        var calls = recorded.OrderBy(c => c.Started).ToArray();
        var depth = new int[calls.Length];
        var best = 0;
        for (var i = 0; i < calls.Length; i++)
        {
            depth[i] = 1;
            for (var j = 0; j < i; j++)
            {
                if (calls[j].Started + calls[j].Duration <= calls[i].Started && depth[j] + 1 > depth[i])
                {
                    depth[i] = depth[j] + 1;
                }
            }

            best = Math.Max(best, depth[i]);
        }

        return best;
    }

    public readonly struct Scope(EvidenceCallLog? previous) : IDisposable
    {
        public void Dispose() => Ambient.Value = previous;
    }
}
