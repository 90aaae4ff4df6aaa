using Microsoft.Extensions.Logging;

namespace ChatOpsBot.Simulator;

/// <summary>Run-time knobs of the simulator. <see cref="Latency"/> may be changed while it runs.</summary>
public sealed class SimulatorOptions
{
    private long _latencyTicks;

    /// <summary>Added to every AWS call (not DNS). Safe to change while the simulator runs.</summary>
    public TimeSpan Latency
    {
        get => TimeSpan.FromTicks(Interlocked.Read(ref _latencyTicks));
        set => Interlocked.Exchange(ref _latencyTicks, value.Ticks);
    }

    /// <summary>The simulator clock: metric windows, timestamps and delays use it.</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    public ILoggerFactory? LoggerFactory { get; init; }
}
