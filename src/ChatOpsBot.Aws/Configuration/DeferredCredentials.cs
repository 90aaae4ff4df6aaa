using Amazon.Runtime;

namespace ChatOpsBot.Aws.Configuration;

/// <summary>Resolves the real credentials on first use, so a missing configuration surfaces as a typed failure
/// of the first call (naming its IAM action) rather than while the adapter is being built.</summary>
internal sealed class DeferredCredentials(Func<AWSCredentials> resolve) : AWSCredentials
{
    private readonly Lazy<AWSCredentials> _inner = new(resolve, LazyThreadSafetyMode.ExecutionAndPublication);

    public override ImmutableCredentials GetCredentials() => _inner.Value.GetCredentials();

    public override Task<ImmutableCredentials> GetCredentialsAsync() => _inner.Value.GetCredentialsAsync();
}
