namespace ChatOpsBot.Aws.Sdk;

/// <summary>Counts the HTTP attempts the AWS SDK makes for one logical call: the call opens a counter in its async
/// flow, the SDK's HTTP handler (same flow) increments it on every send, retries included.</summary>
internal static class AttemptCounter
{
    private static readonly AsyncLocal<Box?> Ambient = new();

    /// <param name="service">The IAM service prefix of the call (for throttle metrics).</param>
    /// <param name="operation">The API action.</param>
    public static Box Begin(string service, string operation)
    {
        var box = new Box(service, operation);
        Ambient.Value = box;
        return box;
    }

    public static Box? Current => Ambient.Value;

    public static void Increment() => Ambient.Value?.Increment();

    internal sealed class Box(string service, string operation)
    {
        private int _count;

        public string Service => service;

        public string Operation => operation;

        public int Count => Volatile.Read(ref _count);

        public void Increment() => Interlocked.Increment(ref _count);
    }
}
