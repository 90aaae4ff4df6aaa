using System.Text;
using ChatOpsBot.Simulator.Scenarios;

namespace ChatOpsBot.Simulator.Tests.Scenarios;

public sealed class ScenarioCatalogTests
{
    public static TheoryData<string> EmbeddedNames() => [.. ScenarioCatalog.Names];

    [Fact]
    public void Names_IncludeTheShippedScenarios()
    {
        Assert.Contains("healthy-baseline", ScenarioCatalog.Names);
        Assert.Contains("sg-blocks-health-check", ScenarioCatalog.Names);
    }

    [Theory]
    [MemberData(nameof(EmbeddedNames))]
    public async Task EveryEmbeddedScenario_LoadsAndServesItsLoadBalancers(string name)
    {
        var scenario = ScenarioCatalog.Load(name);
        await using var sim = await SimulatorHarness.StartAsync(scenario);

        Assert.Equal(name, scenario.Name);
        Assert.NotNull(scenario.Expect?.RootCause);
        foreach (var lb in scenario.LoadBalancers)
        {
            var (status, root) = await sim.ElbAsync(("Action", "DescribeLoadBalancers"), ("Names.member.1", lb.Name));
            Assert.Equal(200, status);
            Assert.Equal(lb.Arn, root.Text("LoadBalancerArn"));
        }
    }

    [Fact]
    public void Load_FilePath_Works()
    {
        var path = Path.Combine(Path.GetTempPath(), $"scenario-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, """{ "name": "tiny", "region": "eu-west-1", /* comments are fine */ }""");
        try
        {
            var scenario = ScenarioCatalog.Load(path);
            Assert.Equal("tiny", scenario.Name);
            Assert.Equal("eu-west-1", scenario.Region);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Parse_UnknownProperty_FailsLoudly()
    {
        using var json = new MemoryStream(Encoding.UTF8.GetBytes("""{ "name": "x", "loadBalancer": [] }"""));

        var ex = Assert.Throws<InvalidDataException>(() => ScenarioCatalog.Parse(json, "typo"));

        Assert.Contains("loadBalancer", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_DanglingTargetGroupReference_FailsWithTheName()
    {
        const string Json = """
            { "name": "x", "loadBalancers": [ { "name": "a", "arn": "arn:aws:elasticloadbalancing:us-east-1:123456789012:loadbalancer/app/a/1",
              "vpcId": "vpc-1", "dnsName": "a.example", "listeners": [ { "arn": "l", "defaultActions": [ { "type": "forward", "targetGroupArn": "ghost" } ] } ] } ] }
            """;
        using var json = new MemoryStream(Encoding.UTF8.GetBytes(Json));

        var ex = Assert.Throws<InvalidDataException>(() => ScenarioCatalog.Parse(json, "dangling"));

        Assert.Contains("ghost", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_UnknownName_ListsTheEmbeddedOnes()
    {
        var ex = Assert.Throws<ArgumentException>(() => ScenarioCatalog.Load("no-such-scenario"));

        Assert.Contains("healthy-baseline", ex.Message, StringComparison.Ordinal);
    }
}
