using Amazon.Runtime;

namespace ChatOpsBot.Aws.Sts;

/// <summary>
/// Temporary credentials fetched from STS on first use, reused until <see cref="RefreshMargin"/> before they expire
/// (on the injected clock), then fetched again. Concurrent callers share one fetch; a failed fetch is not cached,
/// so the next call tries again.
/// </summary>
internal sealed class RefreshingSessionCredentials(Func<CancellationToken, Task<TemporaryCredentials>> fetch, TimeProvider time) : AWSCredentials
{
    /// <summary>How long before Expiration the credentials are renewed (AWS advises five minutes).</summary>
    public static readonly TimeSpan RefreshMargin = TimeSpan.FromMinutes(5);

    private readonly Lock _gate = new();
    private TemporaryCredentials? _current;
    private Task<TemporaryCredentials>? _inFlight;

    public override ImmutableCredentials GetCredentials() => GetCredentialsAsync().GetAwaiter().GetResult();

    public override async Task<ImmutableCredentials> GetCredentialsAsync() => (await CurrentAsync().ConfigureAwait(false)).Credentials;

    /// <summary>The cached credentials when still fresh, else the (shared) result of a new fetch.</summary>
    public Task<TemporaryCredentials> CurrentAsync()
    {
        lock (_gate)
        {
            if (_current is { } current && time.GetUtcNow() < current.Expiration - RefreshMargin)
            {
                return Task.FromResult(current);
            }

            if (_inFlight is { } running)
            {
                return running;
            }

            var task = FetchAsync();
            _inFlight = task.IsCompleted ? null : task;
            return task;
        }
    }

    private async Task<TemporaryCredentials> FetchAsync()
    {
        try
        {
            // No caller's token: the fetch is shared, one caller giving up must not fail the others.
            var fetched = await fetch(CancellationToken.None).ConfigureAwait(false);
            lock (_gate)
            {
                _current = fetched;
            }

            return fetched;
        }
        finally
        {
            lock (_gate)
            {
                _inFlight = null;
            }
        }
    }
}
