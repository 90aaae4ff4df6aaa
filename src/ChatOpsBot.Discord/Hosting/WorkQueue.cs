using System.Threading.Channels;

namespace ChatOpsBot.Discord.Hosting;

/// <summary>A bounded queue of work started by interactions; <see cref="WorkQueueService"/> drains it.</summary>
public sealed class WorkQueue
{
    public const int Capacity = 1000;

    private readonly Channel<WorkItem> _channel = Channel.CreateBounded<WorkItem>(new BoundedChannelOptions(Capacity) { FullMode = BoundedChannelFullMode.Wait });
    private int _depth;

    /// <summary>Items waiting (not yet started).</summary>
    public int Depth => Volatile.Read(ref _depth);

    internal ChannelReader<WorkItem> Reader => _channel.Reader;

    /// <summary>False when the queue is full (the caller tells the user to retry).</summary>
    public bool TryEnqueue(WorkItem item)
    {
        if (!_channel.Writer.TryWrite(item))
        {
            return false;
        }

        Interlocked.Increment(ref _depth);
        return true;
    }

    internal void Dequeued() => Interlocked.Decrement(ref _depth);

    internal void Complete() => _channel.Writer.TryComplete();
}
