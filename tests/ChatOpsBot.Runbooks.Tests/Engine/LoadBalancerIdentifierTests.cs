using ChatOpsBot.Runbooks.Engine;

namespace ChatOpsBot.Runbooks.Tests.Engine;

public sealed class LoadBalancerIdentifierTests
{
    [Theory]
    [InlineData("arn:aws:elasticloadbalancing:us-east-1:123456789012:loadbalancer/app/my-alb/50dc6c495c0c9188", "us-east-1", "app")]
    [InlineData("arn:aws:elasticloadbalancing:eu-west-1:123456789012:loadbalancer/net/my-nlb/7f3a1c2b9d8e4f60", "eu-west-1", "net")]
    [InlineData("arn:aws-cn:elasticloadbalancing:cn-north-1:123456789012:loadbalancer/app/shop/50dc6c495c0c9188", "cn-north-1", "app")]
    [InlineData("arn:aws-us-gov:elasticloadbalancing:us-gov-west-1:123456789012:loadbalancer/net/gov-nlb/7f3a1c2b9d8e4f60", "us-gov-west-1", "net")]
    [InlineData("arn:aws:elasticloadbalancing:ap-southeast-2:123456789012:loadbalancer/gwy/inspect/0123456789abcdef", "ap-southeast-2", "gwy")]
    [InlineData("arn:aws:elasticloadbalancing:eu-central-1:123456789012:loadbalancer/legacy-web", "eu-central-1", "classic")]
    public void Parse_ValidArn_CarriesRegionAndKind(string arn, string region, string kind)
    {
        var id = LoadBalancerIdentifier.Parse(arn, out var error);

        Assert.Null(error);
        Assert.Equal(new LoadBalancerIdentifier(arn, true, region, kind), id);
    }

    [Fact]
    public void Parse_ArnWithSurroundingSpaces_IsTrimmed()
    {
        var id = LoadBalancerIdentifier.Parse("  arn:aws:elasticloadbalancing:us-east-1:123456789012:loadbalancer/app/my-alb/50dc6c495c0c9188\n", out _);

        Assert.Equal("arn:aws:elasticloadbalancing:us-east-1:123456789012:loadbalancer/app/my-alb/50dc6c495c0c9188", id!.Value);
    }

    [Theory]
    [InlineData("arn:aws:elasticloadbalancing:us-east-1:12345:loadbalancer/app/my-alb/50dc6c495c0c9188")]
    [InlineData("arn:aws:elasticloadbalancing:useast1:123456789012:loadbalancer/app/my-alb/50dc6c495c0c9188")]
    [InlineData("arn:aws:elasticloadbalancing:us-east-1:123456789012:loadbalancer/app/my-alb/XYZ")]
    [InlineData("arn:aws:elasticloadbalancing:us-east-1:123456789012:loadbalancer/app/my-alb/50DC6C495C0C9188")]
    [InlineData("arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/my-tg/73e2d6bc24d8a067")]
    [InlineData("arn:aws:ec2:us-east-1:123456789012:loadbalancer/app/my-alb/50dc6c495c0c9188")]
    [InlineData("arn:aws:elasticloadbalancing:us-east-1:123456789012:loadbalancer/app/my_alb/50dc6c495c0c9188")]
    public void Parse_MalformedArn_ReturnsNullWithTheExpectedShape(string arn)
    {
        var id = LoadBalancerIdentifier.Parse(arn, out var error);

        Assert.Null(id);
        Assert.Equal($"'{arn}' is not a valid load balancer ARN; expected arn:aws:elasticloadbalancing:REGION:ACCOUNT:loadbalancer/app|net/NAME/ID.", error);
    }

    [Theory]
    [InlineData("my-alb")]
    [InlineData("a")]
    [InlineData("Shop2")]
    [InlineData("abcdefghijklmnopqrstuvwxyz-12345")]
    public void Parse_ValidName_IsANameWithoutRegion(string name)
    {
        var id = LoadBalancerIdentifier.Parse(name, out var error);

        Assert.Null(error);
        Assert.Equal(new LoadBalancerIdentifier(name, false, null, null), id);
    }

    [Theory]
    [InlineData("-my-alb")]
    [InlineData("my-alb-")]
    [InlineData("my_alb")]
    [InlineData("my alb")]
    [InlineData("")]
    [InlineData("abcdefghijklmnopqrstuvwxyz-123456")]
    public void Parse_InvalidName_ReturnsNullWithTheRules(string name)
    {
        var id = LoadBalancerIdentifier.Parse(name, out var error);

        Assert.Null(id);
        Assert.Equal($"'{name}' is not a valid load balancer name: 1 to 32 letters, digits and hyphens, not starting or ending with a hyphen.", error);
    }
}
