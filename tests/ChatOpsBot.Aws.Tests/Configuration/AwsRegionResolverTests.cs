using ChatOpsBot.Aws.Configuration;

namespace ChatOpsBot.Aws.Tests.Configuration;

public sealed class AwsRegionResolverTests
{
    private static readonly Dictionary<string, string> FullEnvironment = new(StringComparer.Ordinal)
    {
        ["AWS_REGION"] = "eu-west-1",
        ["AWS_DEFAULT_REGION"] = "eu-west-2",
        ["AWS_PROFILE"] = "work",
    };

    [Fact]
    public void Resolve_Explicit_WinsOverArnAndEnvironment() =>
        Assert.Equal("ap-south-1", Resolver(FullEnvironment).Resolve("ap-south-1", "us-east-2", null));

    [Fact]
    public void Resolve_NoExplicit_ArnRegionWinsOverEnvironment() =>
        Assert.Equal("us-east-2", Resolver(FullEnvironment).Resolve(null, "us-east-2", null));

    [Fact]
    public void Resolve_AwsRegion_WinsOverDefaultRegion() =>
        Assert.Equal("eu-west-1", Resolver(FullEnvironment).Resolve(null, null, null));

    [Fact]
    public void Resolve_OnlyDefaultRegion_UsesIt() =>
        Assert.Equal("eu-west-2", Resolver(new() { ["AWS_DEFAULT_REGION"] = "eu-west-2" }).Resolve(null, null, null));

    [Fact]
    public void Resolve_OnlyProfile_UsesTheProfileRegion()
    {
        string? asked = "unset";
        var resolver = new AwsRegionResolver(name => name == "AWS_PROFILE" ? "work" : null, profile => { asked = profile; return "sa-east-1"; });

        Assert.Equal("sa-east-1", resolver.Resolve(null, null, null));
        Assert.Equal("work", asked);
    }

    [Fact]
    public void Resolve_ExplicitProfile_WinsOverAwsProfile()
    {
        string? asked = null;
        var resolver = new AwsRegionResolver(name => name == "AWS_PROFILE" ? "work" : null, profile => { asked = profile; return "sa-east-1"; });

        resolver.Resolve(null, null, "cli-profile");

        Assert.Equal("cli-profile", asked);
    }

    [Fact]
    public void Resolve_Nothing_ThrowsTheDocumentedSentence()
    {
        var ex = Assert.Throws<ArgumentException>(() => Resolver([]).Resolve(null, null, null));

        Assert.Equal("no AWS region: pass --region or set AWS_REGION", ex.Message);
    }

    private static AwsRegionResolver Resolver(Dictionary<string, string> environment) =>
        new(name => environment.GetValueOrDefault(name), _ => null);
}
