using System.Collections.Concurrent;
using ChatOpsBot.Runbooks.Engine;
using ChatOpsBot.Runbooks.Evidence;

namespace ChatOpsBot.Discord.Handlers;

/// <summary>Load balancer names per region for autocomplete: cached for a minute, and never slower than Discord's
/// 3-second deadline allows (a slow or failing AWS call answers with what is cached, or nothing).</summary>
public sealed class LoadBalancerNameCache(IEvidenceSourcesProvider evidence, TimeProvider time)
{
    public static readonly TimeSpan Freshness = TimeSpan.FromSeconds(60);
    public static readonly TimeSpan Budget = TimeSpan.FromSeconds(2);

    private readonly ConcurrentDictionary<string, (IReadOnlyList<string> Names, DateTimeOffset At)> _cache = new(StringComparer.Ordinal);

    public async Task<IReadOnlyList<string>> NamesAsync(string region, CancellationToken cancellationToken)
    {
        if (_cache.TryGetValue(region, out var hit) && time.GetUtcNow() - hit.At < Freshness)
        {
            return hit.Names;
        }

        using var budget = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        budget.CancelAfter(Budget);
        try
        {
            var names = await evidence.For(region).LoadBalancing.ListLoadBalancerNamesAsync(budget.Token);
            _cache[region] = (names, time.GetUtcNow());
            return names;
        }
        catch (Exception e) when (e is EvidenceException or OperationCanceledException or ArgumentException)
        {
            return hit.Names ?? [];
        }
    }
}
