using System.Threading.Channels;
using Microsoft.Extensions.Time.Testing;

namespace ChatOpsBot.Discord.Tests.Support;

/// <summary>A FakeTimeProvider that reports every timer created with a finite due time (every Task.Delay through
/// it), so a test can assert a wait and then advance exactly past it.</summary>
internal sealed class RecordingTimeProvider : FakeTimeProvider
{
    private static readonly TimeSpan WaitLimit = TimeSpan.FromSeconds(15);

    private readonly Channel<TimeSpan> _timers = Channel.CreateUnbounded<TimeSpan>();

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = base.CreateTimer(callback, state, dueTime, period);
        if (dueTime != Timeout.InfiniteTimeSpan)
        {
            _timers.Writer.TryWrite(dueTime);
        }

        return timer;
    }

    /// <summary>The due time of the next timer someone starts (real-time bounded wait).</summary>
    public async Task<TimeSpan> NextDelayAsync()
    {
        using var timeout = new CancellationTokenSource(WaitLimit);
        try
        {
            return await _timers.Reader.ReadAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"Nobody waited on the fake clock within {WaitLimit.TotalSeconds} s.");
        }
    }

    public bool HasPendingDelay => _timers.Reader.TryPeek(out _);
}
