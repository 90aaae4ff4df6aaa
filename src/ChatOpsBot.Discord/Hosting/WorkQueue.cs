using System.Diagnostics.Metrics;
using System.Threading.Channels;
using ChatOpsBot.Runbooks.Telemetry;

namespace ChatOpsBot.Discord.Hosting;

/// <summary>A bounded queue of work started by interactions; <see cref="WorkQueueService"/> drains it.</summary>
public sealed class WorkQueue
{
    public const int Capacity = 1000;

    private readonly Channel<WorkItem> _channel = Channel.CreateBounded<WorkItem>(new BoundedChannelOptions(Capacity) { FullMode = BoundedChannelFullMode.Wait });
    private int _depth;
    private int _running;

    /// <param name="meters">Where the queue's gauges are published (the host's factory, so they go with its container).</param>
    public WorkQueue(IMeterFactory? meters = null)
    {
        if (meters is not null)
        {
            var meter = meters.Create(ChatOpsTelemetry.Name);
            meter.CreateObservableGauge("chatopsbot.workqueue.depth", () => Depth, "{item}", "Work waiting in the queue (not yet started).");
            meter.CreateObservableGauge("chatopsbot.workqueue.running", () => Running, "{item}", "Work running now (diagnoses, deferred replies).");
        }
    }

    /// <summary>Items waiting (not yet started).</summary>
    public int Depth => Volatile.Read(ref _depth);

    /// <summary>Items running now.</summary>
    public int Running => Volatile.Read(ref _running);

    internal ChannelReader<WorkItem> Reader => _channel.Reader;

    /// <summary>False when the queue is full or closed for shutdown (the caller tells the user to retry).</summary>
    public bool TryEnqueue(WorkItem item)
    {
        if (!_channel.Writer.TryWrite(item))
        {
            return false;
        }

        Interlocked.Increment(ref _depth);
        return true;
    }

    internal void Dequeued()
    {
        Interlocked.Decrement(ref _depth);
        Interlocked.Increment(ref _running);
    }

    internal void Done() => Interlocked.Decrement(ref _running);

    internal void Complete() => _channel.Writer.TryComplete();
}
