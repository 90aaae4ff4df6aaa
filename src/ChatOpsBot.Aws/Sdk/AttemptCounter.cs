namespace ChatOpsBot.Aws.Sdk;

/// <summary>Counts the HTTP attempts the AWS SDK makes for one logical call: the call opens a counter in its async
/// flow, the SDK's HTTP handler (same flow) increments it on every send, retries included.</summary>
internal static class AttemptCounter
{
    private static readonly AsyncLocal<Box?> Ambient = new();

    public static Box Begin()
    {
        var box = new Box();
        Ambient.Value = box;
        return box;
    }

    public static void Increment() => Ambient.Value?.Increment();

    internal sealed class Box
    {
        private int _count;

        public int Count => Volatile.Read(ref _count);

        public void Increment() => Interlocked.Increment(ref _count);
    }
}
