using System.Text.Json;
using Amazon.Runtime;
using ChatOpsBot.Aws.Configuration;
using ChatOpsBot.Aws.Ssm;
using ChatOpsBot.Aws.Tests.Infrastructure;
using ChatOpsBot.Runbooks.Evidence.Instances;
using ChatOpsBot.Simulator;
using ChatOpsBot.Simulator.Scenarios;
using Microsoft.Extensions.Time.Testing;

namespace ChatOpsBot.Aws.Tests.Ssm;

/// <summary>The SSM probe adapter against the simulated AWS over loopback HTTP (SigV4-signed SDK calls), on a fake
/// clock shared by both sides so Pending → InProgress → Success and the timeout play out in simulated time.</summary>
public sealed class SsmInstanceProbeTests
{
    private const string Crashed = "i-2166be4f7608ad6c8";
    private const string Other = "i-9cfbe801211919c14";

    private static readonly ScenarioInstanceProbe NothingListens = new()
    {
        ServiceState = "failed",
        Listen = [],
        LogLines = ["orders-api.service: Failed with result 'oom-kill'.", "db password=hunter2 rejected"],
    };

    [Fact]
    public async Task Probe_PendingThenSuccess_PollsAndParsesTheInstanceFacts()
    {
        await using var env = await Env.StartAsync(Outputs((Crashed, new ScenarioCommandOutput { Probe = NothingListens, DurationSeconds = 3 })));

        var outcome = Assert.Single(await env.ProbeAsync(Request([Crashed], service: "orders-api")));

        Assert.Equal(InstanceProbeStatus.Success, outcome.Status);
        Assert.Equal("failed", outcome.Facts!.ServiceState);
        Assert.Equal(ListeningState.None, outcome.Facts.Listening);
        Assert.True(outcome.Facts.Http!.Refused);
        Assert.Equal($"10.88.16.34:8080", outcome.Facts.Http.HostHeader);
        Assert.DoesNotContain(outcome.Facts.LogLines, l => l.Contains("hunter2", StringComparison.Ordinal));
        Assert.Single(env.Sim.Requests, r => r.Action == "SendCommand");
        Assert.True(env.Sim.Requests.Count(r => r.Action == "GetCommandInvocation") >= 3, "polled through Pending and InProgress");
    }

    [Fact]
    public async Task Probe_InvocationDoesNotExistRightAfterSend_KeepsPolling()
    {
        await using var env = await Env.StartAsync(Outputs((Crashed, new ScenarioCommandOutput { Probe = NothingListens, DurationSeconds = 1 })));
        env.Sim.InjectFault(new ScenarioFault { Service = "ssm", Action = "GetCommandInvocation", Error = "InvocationDoesNotExist", Message = "", Times = 2 });

        var outcome = Assert.Single(await env.ProbeAsync(Request([Crashed])));

        Assert.Equal(InstanceProbeStatus.Success, outcome.Status);
    }

    [Fact]
    public async Task Probe_OneInstanceNotManaged_OthersStillProbed()
    {
        var scenario = Scenario(Outputs((Crashed, new ScenarioCommandOutput { Probe = NothingListens, DurationSeconds = 1 }))) is var s
            ? s with { Ssm = s.Ssm with { ManagedInstances = [.. s.Ssm.ManagedInstances.Where(m => m.InstanceId == Crashed)] } }
            : null!;
        await using var env = await Env.StartAsync(scenario);

        var outcomes = await env.ProbeAsync(Request([Crashed, Other]));

        Assert.Equal([Crashed, Other], outcomes.Select(o => o.InstanceId));
        Assert.Equal(InstanceProbeStatus.Success, outcomes[0].Status);
        Assert.Equal(InstanceProbeStatus.NotManaged, outcomes[1].Status);
        Assert.Contains("InvalidInstanceId", outcomes[1].Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Probe_AccessDeniedOnSendCommand_SaysWhichPermission()
    {
        await using var env = await Env.StartAsync(Outputs());
        env.Sim.InjectFault(new ScenarioFault { Service = "ssm", Action = "SendCommand", Error = "AccessDeniedException" });

        var outcomes = await env.ProbeAsync(Request([Crashed, Other]));

        Assert.All(outcomes, o => Assert.Equal(InstanceProbeStatus.AccessDenied, o.Status));
        Assert.Contains("ssm:SendCommand", outcomes[0].Detail, StringComparison.Ordinal);
        Assert.All(outcomes, o => Assert.Equal("ssm:SendCommand", o.Failure?.IamAction));
    }

    [Fact]
    public async Task Probe_AccessDeniedOnGetCommandInvocation_CarriesThatPermissionNotSendCommand()
    {
        await using var env = await Env.StartAsync(Outputs((Crashed, new ScenarioCommandOutput { Probe = NothingListens, DurationSeconds = 1 })));
        env.Sim.InjectFault(new ScenarioFault { Service = "ssm", Action = "GetCommandInvocation", Error = "AccessDeniedException" });

        var outcome = Assert.Single(await env.ProbeAsync(Request([Crashed])));

        Assert.Equal(InstanceProbeStatus.AccessDenied, outcome.Status);
        Assert.Equal("ssm:GetCommandInvocation", outcome.Failure?.IamAction);
    }

    [Fact]
    public async Task Probe_BatchDeniedButOneInstanceAllowed_TheAllowedOneIsStillProbed()
    {
        await using var env = await Env.StartAsync(Outputs(
            (Crashed, new ScenarioCommandOutput { Probe = NothingListens, DurationSeconds = 1 }),
            (Other, new ScenarioCommandOutput { Probe = NothingListens, DurationSeconds = 1 })));
        // IAM denies the two-instance command and then one of the single ones (the instance without the allowing tag).
        env.Sim.InjectFault(new ScenarioFault { Service = "ssm", Action = "SendCommand", Error = "AccessDeniedException", Times = 2 });

        var outcomes = await env.ProbeAsync(Request([Crashed, Other]));

        Assert.Equal(3, env.Sim.Requests.Count(r => r.Action == "SendCommand"));
        Assert.Single(outcomes, o => o.Status == InstanceProbeStatus.AccessDenied);
        Assert.Single(outcomes, o => o.Status == InstanceProbeStatus.Success);
    }

    [Fact]
    public async Task Probe_CommandNeverFinishes_TimesOutPerInstanceInsteadOfHanging()
    {
        await using var env = await Env.StartAsync(Outputs(
            (Crashed, new ScenarioCommandOutput { Probe = NothingListens, NeverFinishes = true }),
            (Other, new ScenarioCommandOutput { Probe = NothingListens, DurationSeconds = 1 })));

        var outcomes = await env.ProbeAsync(Request([Crashed, Other]));

        Assert.Equal(InstanceProbeStatus.TimedOut, outcomes[0].Status);
        Assert.Contains("no result within 30 s (last status InProgress)", outcomes[0].Detail, StringComparison.Ordinal);
        Assert.Equal(InstanceProbeStatus.Success, outcomes[1].Status);
    }

    [Fact]
    public async Task Probe_OutputOver24000Characters_TruncatedButFactsKept()
    {
        await using var env = await Env.StartAsync(Outputs((Crashed, new ScenarioCommandOutput
        {
            Probe = new ScenarioInstanceProbe { ServiceState = "active", Listen = ["127.0.0.1:8080"], HttpStatus = 200, PadOutputTo = 40_000 },
            DurationSeconds = 1,
        })));

        var outcome = Assert.Single(await env.ProbeAsync(Request([Crashed], service: "orders-api")));

        Assert.Equal(InstanceProbeStatus.Success, outcome.Status);
        Assert.True(outcome.OutputTruncated);
        Assert.Equal(ListeningState.LoopbackOnly, outcome.Facts!.Listening);
        Assert.NotEmpty(outcome.Facts.LogLines);
    }

    [Fact]
    public async Task Probe_Undeliverable_IsReportedAsSuch()
    {
        await using var env = await Env.StartAsync(Outputs((Crashed, new ScenarioCommandOutput { Status = "Failed", StatusDetails = "Undeliverable", ResponseCode = -1, DurationSeconds = 1 })));

        var outcome = Assert.Single(await env.ProbeAsync(Request([Crashed])));

        Assert.Equal(InstanceProbeStatus.Undeliverable, outcome.Status);
    }

    [Fact]
    public async Task Probe_SendCommandRequest_IsOneReadOnlyRunShellScriptWithTimeouts()
    {
        var bodies = new System.Collections.Concurrent.ConcurrentQueue<string>();
        await using var server = await FakeAwsServer.StartAsync(request =>
        {
            bodies.Enqueue(request.Body);
            return request.Action == "SendCommand"
                ? CannedResponse.Json("""{"Command":{"CommandId":"c-1","Status":"Pending"}}""")
                : CannedResponse.Json("""{"CommandId":"c-1","InstanceId":"i-1","Status":"Success","StatusDetails":"Success","ResponseCode":0,"StandardOutputContent":"chatopsbot-probe 1\nlisten-tool ss\nlisten 0.0.0.0:8080\nhttp 200 4 ok\nend\n"}""");
        });
        using var aws = AwsEvidence.Create(TestAws.Settings(server.Uri).With(instanceProbeEnabled: true), TimeProvider.System, environment: _ => null);

        var outcomes = await aws.InstanceProbe!.ProbeAsync(Request([Crashed, Other]) with { Options = new InstanceProbeOptions(Timeout: TimeSpan.FromSeconds(20)) }, CancellationToken.None);

        Assert.All(outcomes, o => Assert.Equal(ListeningState.AllInterfaces, o.Facts!.Listening));
        var send = Assert.Single(server.Requests, r => r.Action == "SendCommand");
        Assert.Equal("AmazonSSM.SendCommand", send.Header("X-Amz-Target"));
        using var body = JsonDocument.Parse(send.Body);
        var root = body.RootElement;
        Assert.Equal("AWS-RunShellScript", root.GetProperty("DocumentName").GetString());
        Assert.Equal([Crashed, Other], root.GetProperty("InstanceIds").EnumerateArray().Select(i => i.GetString()));
        Assert.Equal("20", root.GetProperty("Parameters").GetProperty("executionTimeout")[0].GetString());
        Assert.Equal(30, root.GetProperty("TimeoutSeconds").GetInt32());
        Assert.Contains("ChatOpsBot", root.GetProperty("Comment").GetString(), StringComparison.Ordinal);
        Assert.True(root.GetProperty("Comment").GetString()!.Length <= 100);
        Assert.Contains("PORT='8080'", root.GetProperty("Parameters").GetProperty("commands")[0].GetString(), StringComparison.Ordinal);
        Assert.Equal(["GetCommandInvocation", "GetCommandInvocation"], server.Requests.Where(r => r.Action != "SendCommand").Select(r => r.Action));
    }

    private static InstanceProbeRequest Request(string[] ids, string? service = null) => new(
        [.. ids.Select(id => new InstanceProbeTarget(id, id == Crashed ? "10.88.16.34" : "10.88.32.201", (id == Crashed ? "10.88.16.34" : "10.88.32.201") + ":8080"))],
        8080,
        "HTTP",
        "/healthz",
        "200",
        TimeSpan.FromSeconds(5),
        new InstanceProbeOptions(ServiceName: service));

    private static Dictionary<string, ScenarioCommandOutput> Outputs(params (string Id, ScenarioCommandOutput Output)[] outputs) =>
        outputs.ToDictionary(o => o.Id, o => o.Output);

    private static Scenario Scenario(Dictionary<string, ScenarioCommandOutput> outputs)
    {
        var baseScenario = ScenarioCatalog.Load("app-crashed");
        return baseScenario with { Ssm = baseScenario.Ssm with { CommandOutputs = outputs } };
    }

    private sealed class Env : IAsyncDisposable
    {
        private readonly AwsEvidenceSet _set;

        private Env(SimulatedAws sim, FakeTimeProvider time, AwsEvidenceSet set)
        {
            Sim = sim;
            Time = time;
            _set = set;
        }

        public SimulatedAws Sim { get; }

        public FakeTimeProvider Time { get; }

        public static Task<Env> StartAsync(Dictionary<string, ScenarioCommandOutput> outputs) => StartAsync(Scenario(outputs));

        public static async Task<Env> StartAsync(Scenario scenario)
        {
            var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 28, 10, 30, 0, TimeSpan.Zero));
            var sim = await SimulatedAws.StartAsync(scenario, new SimulatorOptions { TimeProvider = time });
            var settings = new AwsConnectionSettings
            {
                Region = sim.Region,
                Endpoints = Enum.GetValues<AwsService>().ToDictionary(s => s, _ => sim.BaseUrl),
                Credentials = new BasicAWSCredentials(sim.AccessKeyId, sim.SecretAccessKey),
                MaxAttempts = 1,
                InstanceProbeEnabled = true,
            };
            return new Env(sim, time, AwsEvidence.Create(settings, time, environment: _ => null));
        }

        public Task<IReadOnlyList<InstanceProbeOutcome>> ProbeAsync(InstanceProbeRequest request) =>
            TestAws.DriveAsync(_set.InstanceProbe!.ProbeAsync(request, CancellationToken.None), Time, TimeSpan.FromMilliseconds(250));

        public async ValueTask DisposeAsync()
        {
            _set.Dispose();
            await Sim.DisposeAsync();
        }
    }
}
