namespace ChatOpsBot.Testing;

/// <summary>A condition over the fake's state and the task to complete when it holds.</summary>
internal sealed record Waiter(Func<bool> Condition, TaskCompletionSource Completion);
