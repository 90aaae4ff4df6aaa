using Amazon.SimpleSystemsManagement;
using Amazon.SimpleSystemsManagement.Model;

namespace ChatOpsBot.Simulator.Tests.Ssm;

public sealed class SsmSdkTests
{
    private const string First = "i-0f4e8c1d2b3a59671";

    [Fact]
    public async Task DescribeInstanceInformation_FilterByInstanceIds_ReturnsManagedOnly()
    {
        await using var sim = await SimulatorHarness.StartAsync("healthy-baseline");

        var response = await sim.SsmClient().DescribeInstanceInformationAsync(new DescribeInstanceInformationRequest
        {
            Filters = [new InstanceInformationStringFilter { Key = "InstanceIds", Values = [First, "i-00000000000000000"] }],
        });

        var info = Assert.Single(response.InstanceInformationList);
        Assert.Equal(First, info.InstanceId);
        Assert.Equal(PingStatus.Online, info.PingStatus);
        Assert.Equal(PlatformType.Linux, info.PlatformType);
        Assert.False(string.IsNullOrEmpty(info.AgentVersion));
        Assert.Equal(SimulatorHarness.Now.AddSeconds(-37).UtcDateTime, info.LastPingDateTime!.Value.ToUniversalTime());
    }

    [Fact]
    public async Task DescribeInstanceInformation_PageSize_FollowsNextToken()
    {
        var scenario = ChatOpsBot.Simulator.Scenarios.ScenarioCatalog.Load("healthy-baseline") with { PageSize = 1 };
        await using var sim = await SimulatorHarness.StartAsync(scenario);
        var ssm = sim.SsmClient();

        var first = await ssm.DescribeInstanceInformationAsync(new DescribeInstanceInformationRequest());
        var second = await ssm.DescribeInstanceInformationAsync(new DescribeInstanceInformationRequest { NextToken = first.NextToken });

        Assert.Single(first.InstanceInformationList);
        Assert.NotNull(first.NextToken);
        Assert.Single(second.InstanceInformationList);
        Assert.Null(second.NextToken);
    }

    [Fact]
    public async Task SendCommand_ProgressesPendingInProgressSuccess_OverSimulatedTime()
    {
        await using var sim = await SimulatorHarness.StartAsync("sg-blocks-health-check");
        var ssm = sim.SsmClient();

        var sent = await ssm.SendCommandAsync(new SendCommandRequest
        {
            DocumentName = "AWS-RunShellScript",
            InstanceIds = [First],
            Parameters = new Dictionary<string, List<string>> { ["commands"] = ["ss -ltnp 'sport = :8080'"] },
        });
        var request = new GetCommandInvocationRequest { CommandId = sent.Command.CommandId, InstanceId = First };
        var pending = await ssm.GetCommandInvocationAsync(request);
        sim.Time.Advance(TimeSpan.FromSeconds(2));
        var running = await ssm.GetCommandInvocationAsync(request);
        sim.Time.Advance(TimeSpan.FromSeconds(10));
        var done = await ssm.GetCommandInvocationAsync(request);

        Assert.Equal(CommandStatus.Pending, sent.Command.Status);
        Assert.Equal(CommandInvocationStatus.Pending, pending.Status);
        Assert.Equal(CommandInvocationStatus.InProgress, running.Status);
        Assert.Equal(CommandInvocationStatus.Success, done.Status);
        Assert.Equal(0, done.ResponseCode);
        Assert.Contains(":8080", done.StandardOutputContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SendCommand_ScenarioProbeFacts_RenderedInTheProbeScriptsFormatForTheAskedPortAndHosts()
    {
        await using var sim = await SimulatorHarness.StartAsync("probe-dependency-unresolvable");
        var ssm = sim.SsmClient();
        const string instance = "i-2166be4f7608ad6c8";
        var script = "PORT='8080'\nPROTO='HTTP'\nUNIT='orders-api'\nDEPS='orders-db.data.internal cache.orders.internal'\nTARGETS='10.88.16.34|10.88.16.34:8080'\necho probe body";

        var sent = await ssm.SendCommandAsync(new SendCommandRequest
        {
            DocumentName = "AWS-RunShellScript",
            InstanceIds = [instance],
            Parameters = new Dictionary<string, List<string>> { ["commands"] = [script] },
        });
        sim.Time.Advance(TimeSpan.FromSeconds(5));
        var done = await ssm.GetCommandInvocationAsync(new GetCommandInvocationRequest { CommandId = sent.Command.CommandId, InstanceId = instance });

        var lines = done.StandardOutputContent.Split('\n');
        Assert.Equal("chatopsbot-probe 1", lines[0]);
        Assert.Contains("host 10.88.16.34:8080", lines);
        Assert.Contains("service active", lines);
        Assert.Contains("listen 0.0.0.0:8080", lines);
        Assert.Contains("http 503 12 ok", lines);
        Assert.Contains("dns orders-db.data.internal fail", lines);
        Assert.Contains(lines, l => l.StartsWith("dns cache.orders.internal ok 10.88.40.7", StringComparison.Ordinal));
        Assert.Equal("end", lines[^2]);
    }

    [Fact]
    public async Task GetCommandInvocation_Unknown_ThrowsInvocationDoesNotExist()
    {
        await using var sim = await SimulatorHarness.StartAsync("healthy-baseline");

        await Assert.ThrowsAsync<InvocationDoesNotExistException>(() => sim.SsmClient().GetCommandInvocationAsync(
            new GetCommandInvocationRequest { CommandId = Guid.NewGuid().ToString(), InstanceId = First }));
    }

    [Fact]
    public async Task SendCommand_UnmanagedInstance_ThrowsInvalidInstanceId()
    {
        await using var sim = await SimulatorHarness.StartAsync("healthy-baseline");

        await Assert.ThrowsAsync<InvalidInstanceIdException>(() => sim.SsmClient().SendCommandAsync(new SendCommandRequest
        {
            DocumentName = "AWS-RunShellScript",
            InstanceIds = ["i-00000000000000000"],
        }));
    }
}
