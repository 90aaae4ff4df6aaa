using ChatOpsBot.Aws.Configuration;

namespace ChatOpsBot.Aws.Tests.Configuration;

public sealed class AwsEndpointResolverTests
{
    public static TheoryData<AwsService, string> ServiceVariables => new()
    {
        { AwsService.ElasticLoadBalancingV2, "AWS_ENDPOINT_URL_ELASTIC_LOAD_BALANCING_V2" },
        { AwsService.CloudWatch, "AWS_ENDPOINT_URL_CLOUDWATCH" },
        { AwsService.Ec2, "AWS_ENDPOINT_URL_EC2" },
        { AwsService.Ssm, "AWS_ENDPOINT_URL_SSM" },
    };

    [Theory]
    [MemberData(nameof(ServiceVariables))]
    public void Resolve_ExplicitOverride_WinsOverEveryVariable(AwsService service, string variable)
    {
        var resolver = Resolver(
            new Dictionary<AwsService, Uri> { [service] = new("http://explicit:1/") },
            (variable, "http://specific:2/"), ("AWS_ENDPOINT_URL", "http://global:3/"), ("AWS_IGNORE_CONFIGURED_ENDPOINT_URLS", "true"));

        Assert.Equal(new Uri("http://explicit:1/"), resolver.Resolve(service, "eu-west-1"));
    }

    [Theory]
    [MemberData(nameof(ServiceVariables))]
    public void Resolve_ServiceVariable_WinsOverGlobal(AwsService service, string variable)
    {
        var resolver = Resolver(null, (variable, "http://specific:2"), ("AWS_ENDPOINT_URL", "http://global:3/"));

        Assert.Equal(new Uri("http://specific:2/"), resolver.Resolve(service, "eu-west-1"));
    }

    [Theory]
    [MemberData(nameof(ServiceVariables))]
    public void Resolve_OnlyGlobalVariable_UsesIt(AwsService service, string variable)
    {
        _ = variable;
        var resolver = Resolver(null, ("AWS_ENDPOINT_URL", "http://global:3/"));

        Assert.Equal(new Uri("http://global:3/"), resolver.Resolve(service, "eu-west-1"));
    }

    [Theory]
    [MemberData(nameof(ServiceVariables))]
    public void Resolve_IgnoreFlag_DisablesTheVariables(AwsService service, string variable)
    {
        var resolver = Resolver(null, (variable, "http://specific:2/"), ("AWS_ENDPOINT_URL", "http://global:3/"), ("AWS_IGNORE_CONFIGURED_ENDPOINT_URLS", "TRUE"));

        Assert.Null(resolver.ResolveConfigured(service));
    }

    [Theory]
    [InlineData(AwsService.ElasticLoadBalancingV2, "https://elasticloadbalancing.eu-west-1.amazonaws.com/")]
    [InlineData(AwsService.CloudWatch, "https://monitoring.eu-west-1.amazonaws.com/")]
    [InlineData(AwsService.Ec2, null)]
    [InlineData(AwsService.Ssm, null)]
    public void Resolve_NothingConfigured_RegionalDefaultOrSdkDefault(AwsService service, string? expected)
    {
        var resolver = Resolver(null, ("AWS_IGNORE_CONFIGURED_ENDPOINT_URLS", "false"));

        Assert.Equal(expected is null ? null : new Uri(expected), resolver.Resolve(service, "eu-west-1"));
    }

    [Fact]
    public void Resolve_ChinaRegion_UsesTheChinaSuffix() =>
        Assert.Equal(new Uri("https://monitoring.cn-north-1.amazonaws.com.cn/"), Resolver(null).Resolve(AwsService.CloudWatch, "cn-north-1"));

    [Fact]
    public void Resolve_MalformedVariable_ThrowsNamingIt()
    {
        var ex = Assert.Throws<ArgumentException>(() => Resolver(null, ("AWS_ENDPOINT_URL_EC2", "not a url")).Resolve(AwsService.Ec2, "eu-west-1"));

        Assert.Contains("AWS_ENDPOINT_URL_EC2", ex.Message, StringComparison.Ordinal);
    }

    private static AwsEndpointResolver Resolver(IReadOnlyDictionary<AwsService, Uri>? overrides, params (string Name, string Value)[] variables)
    {
        var environment = variables.ToDictionary(v => v.Name, v => v.Value, StringComparer.Ordinal);
        return new AwsEndpointResolver(overrides ?? new Dictionary<AwsService, Uri>(), name => environment.GetValueOrDefault(name));
    }
}
