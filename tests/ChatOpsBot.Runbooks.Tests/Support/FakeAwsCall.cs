namespace ChatOpsBot.Runbooks.Tests.Support;

/// <summary>One call a fake port answered, stamped with a logical clock: <see cref="Started"/> is taken when the call
/// is made, <see cref="Ended"/> when it returns, so two calls overlap exactly when each started before the other ended.</summary>
internal sealed record FakeAwsCall(string Service, string Operation, long Started, long Ended, string Outcome)
{
    public string IamAction => $"{Service}:{Operation}";
}
