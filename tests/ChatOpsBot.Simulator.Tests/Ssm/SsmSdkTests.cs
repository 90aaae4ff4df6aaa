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
