using System.Text.Json;
using ChatOpsBot.EndToEnd.Tests.Support;
using ChatOpsBot.Simulator.Scenarios;

namespace ChatOpsBot.EndToEnd.Tests.Cli;

/// <summary><c>diagnose --on-instance</c> against the simulator: the instances' view reaches every output, and SSM
/// faults become specific lines instead of failures.</summary>
public sealed class OnInstanceCliTests : IDisposable
{
    private readonly string directory = Directory.CreateTempSubdirectory("chatopsbot-probe-").FullName;

    [Fact]
    public async Task Diagnose_WrongBindAddressText_ShowsTheSocketTheFixAndTheSkippedInstance()
    {
        var run = await CliRun.RunAsync("diagnose", "503", "orders-alb", "--simulate", "probe-wrong-bind-address", "--on-instance", "--service", "orders-api");

        Assert.True(run.ExitCode == 0, run.Stderr);
        Assert.Contains("port 8080 listens on 127.0.0.1:8080", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("bind 0.0.0.0:8080", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("i-9cfbe801211919c14 was not checked on the host: its SSM agent is ConnectionLost", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("Checked on the instances through Systems Manager Run Command", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Diagnose_AccessDeniedOnSendCommand_DiagnosesAnywayAndNamesThePermission()
    {
        var scenario = ScenarioCatalog.Load("probe-crashed-process") with
        {
            Name = "probe-denied",
            Faults = [new ScenarioFault { Service = "ssm", Action = "SendCommand", Error = "AccessDeniedException" }],
        };
        var file = Path.Combine(directory, "probe-denied.json");
        await File.WriteAllTextAsync(file, JsonSerializer.Serialize(scenario, ScenarioCatalog.JsonOptions));

        var run = await CliRun.RunAsync("diagnose", "503", "orders-alb", "--simulate", file, "--on-instance", "--service", "orders-api", "--output", "json");

        Assert.True(run.ExitCode == 0, run.Stderr);
        Assert.Equal("unhealthy-targets", run.Json.GetProperty("rootCause").GetString());
        Assert.Contains(run.Json.GetProperty("gaps").EnumerateArray(), g => g.GetProperty("iamAction").GetString() == "ssm:SendCommand");
        Assert.Contains("the bot may not call ssm:SendCommand", run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Diagnose_InstanceNotManaged_SaysWhatToEnable()
    {
        var baseScenario = ScenarioCatalog.Load("probe-crashed-process");
        var scenario = baseScenario with { Name = "probe-unmanaged", Ssm = baseScenario.Ssm with { ManagedInstances = [] } };
        var file = Path.Combine(directory, "probe-unmanaged.json");
        await File.WriteAllTextAsync(file, JsonSerializer.Serialize(scenario, ScenarioCatalog.JsonOptions));

        var run = await CliRun.RunAsync("diagnose", "503", "orders-alb", "--simulate", file, "--on-instance", "--output", "markdown");

        Assert.True(run.ExitCode == 0, run.Stderr);
        Assert.Contains("not managed by Systems Manager", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("AmazonSSMManagedInstanceCore", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("ssmmessages", run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Diagnose_ProbeSettingWithoutOnInstance_BadInputNamingTheFlag()
    {
        var run = await CliRun.RunAsync("diagnose", "503", "orders-alb", "--simulate", "probe-crashed-process", "--dependency", "db.internal");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("add --on-instance", run.Stderr, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(directory, recursive: true);
}
