using System.Collections.Concurrent;
using ChatOpsBot.Runbooks.Engine;
using ChatOpsBot.Runbooks.Evidence;

namespace ChatOpsBot.Discord.Handlers;

/// <summary>Load balancer names per (account alias, region) for autocomplete: cached for a minute, and never slower than Discord's
/// 3-second deadline allows (a slow or failing AWS call answers with what is cached, or nothing).</summary>
public sealed class LoadBalancerNameCache(IEvidenceSourcesProvider evidence, TimeProvider time)
{
    public static readonly TimeSpan Freshness = TimeSpan.FromSeconds(60);
    public static readonly TimeSpan Budget = TimeSpan.FromSeconds(2);

    private readonly ConcurrentDictionary<(string? Account, string Region), (IReadOnlyList<string> Names, DateTimeOffset At)> _cache = new();

    /// <param name="region">The region to list.</param>
    /// <param name="account">The configured account alias (null: the bot's own credentials).</param>
    /// <param name="cancellationToken">Cancels the listing.</param>
    public async Task<IReadOnlyList<string>> NamesAsync(string region, string? account, CancellationToken cancellationToken)
    {
        var key = (account, region);
        if (_cache.TryGetValue(key, out var hit) && time.GetUtcNow() - hit.At < Freshness)
        {
            return hit.Names;
        }

        using var budget = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        budget.CancelAfter(Budget);
        try
        {
            var names = await evidence.For(region, account).LoadBalancing.ListLoadBalancerNamesAsync(budget.Token);
            _cache[key] = (names, time.GetUtcNow());
            return names;
        }
        catch (Exception e) when (e is EvidenceException or OperationCanceledException or ArgumentException)
        {
            return hit.Names ?? [];
        }
    }
}
