namespace ChatOpsBot.Discord.Hosting;

/// <summary>Work done after the interaction was answered (a diagnosis, a deferred reply with a file).</summary>
public sealed record WorkItem(string Name, Func<CancellationToken, Task> RunAsync);
