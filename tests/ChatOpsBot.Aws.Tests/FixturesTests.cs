using ChatOpsBot.Aws.Tests.Infrastructure;

namespace ChatOpsBot.Aws.Tests;

public sealed class FixturesTests
{
    [Theory]
    [InlineData("elbv2/DescribeTargetHealth.xml")]
    [InlineData("elbv2/DescribeTargetGroups.xml")]
    [InlineData("elbv2/DescribeLoadBalancers.xml")]
    [InlineData("errors/ELB-LoadBalancerNotFound.xml")]
    [InlineData("errors/Query-Throttling.xml")]
    [InlineData("cloudwatch/GetMetricData.xml")]
    [InlineData("constructed/DescribeTargetHealth.unhealthy-anomaly.xml")]
    public void Fixture_IsCopiedBesideTheTests(string path) => Assert.StartsWith("<", Fixtures.Read(path).TrimStart());
}
