namespace ChatOpsBot.Aws.Query;

/// <summary>Caps the requests in flight to one service, so a load balancer with hundreds of targets does not
/// throttle itself.</summary>
internal sealed class ServiceLimiter(int maxConcurrency) : IDisposable
{
    private readonly SemaphoreSlim _slots = new(maxConcurrency, maxConcurrency);

    public int MaxConcurrency { get; } = maxConcurrency;

    public async ValueTask<Releaser> EnterAsync(CancellationToken cancellationToken)
    {
        await _slots.WaitAsync(cancellationToken).ConfigureAwait(false);
        return new Releaser(_slots);
    }

    public void Dispose() => _slots.Dispose();

    public readonly struct Releaser(SemaphoreSlim slots) : IDisposable
    {
        public void Dispose() => slots.Release();
    }
}
