using ChatOpsBot.Aws.Dns;

namespace ChatOpsBot.Aws.Tests.Dns;

public sealed class SystemNameResolverTests
{
    [Fact]
    public async Task Resolve_Localhost_AnswersFromTheSystemResolver()
    {
        var result = await new SystemNameResolver().ResolveAsync("localhost", CancellationToken.None);

        Assert.Equal("system", result.Resolver);
        Assert.Null(result.Error);
        Assert.Contains(result.Addresses, a => a is "127.0.0.1" or "::1");
    }
}
