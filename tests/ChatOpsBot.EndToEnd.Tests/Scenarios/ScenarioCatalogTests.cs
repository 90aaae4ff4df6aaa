using System.Text.Json;
using ChatOpsBot.EndToEnd.Tests.Support;
using ChatOpsBot.Simulator.Scenarios;

namespace ChatOpsBot.EndToEnd.Tests.Scenarios;

/// <summary>
/// One end-to-end diagnosis per catalogue scenario: the CLI, the production AWS clients, the simulated AWS over
/// loopback HTTP. Each scenario's <c>expect</c> block (written from AWS's documented behaviour, not from the
/// engine) says what a correct diagnosis reports.
/// </summary>
public sealed class ScenarioCatalogTests
{
    public static TheoryData<string> Names()
    {
        var data = new TheoryData<string>();
        foreach (var name in ScenarioCatalog.Names)
        {
            data.Add(name);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Names))]
    public async Task Diagnose_Scenario_ReportsExpectedRootCauseAndEvidence(string name)
    {
        var scenario = ScenarioCatalog.Load(name);
        var expect = scenario.Expect;
        Assert.NotNull(expect);
        var lb = expect.LoadBalancer ?? scenario.LoadBalancers.FirstOrDefault()?.Name ?? scenario.ClassicLoadBalancers.First().Name;

        var run = await CliRun.RunAsync("diagnose", "503", lb, "--simulate", name, "--output", "json");

        Assert.True(expect.ExitCode == run.ExitCode, $"exit {run.ExitCode}, expected {expect.ExitCode}\n{run.Stderr}\n{run.Stdout}");
        var json = run.Json;
        if (expect.RootCause is { } root)
        {
            Assert.True(root == json.GetProperty("rootCause").GetString(), $"root cause {json.GetProperty("rootCause").GetString()}, expected {root}: {json.GetProperty("headline").GetString()}");
        }

        var contributing = json.GetProperty("contributing").EnumerateArray().Select(e => e.GetString()).ToArray();
        foreach (var c in expect.Contributing)
        {
            Assert.True(contributing.Contains(c), $"{c} not among contributing causes [{string.Join(", ", contributing)}]");
        }

        var statuses = json.GetProperty("causes").EnumerateArray().ToDictionary(c => c.GetProperty("id").GetString()!, c => c.GetProperty("status").GetString());
        foreach (var (cause, status) in expect.Statuses)
        {
            Assert.True(status == statuses[cause], $"{cause} is {statuses[cause]}, expected {status}");
        }

        var text = run.Stdout;
        foreach (var evidence in expect.Evidence)
        {
            Assert.True(text.Contains(evidence, StringComparison.Ordinal), $"report does not mention '{evidence}'");
        }

        if (json.GetProperty("outcome").GetString() == "diagnosed" && expect.RootCause is { } r && r != "none")
        {
            var rootFinding = json.GetProperty("causes").EnumerateArray().Single(c => c.GetProperty("id").GetString() == r);
            Assert.Equal(JsonValueKind.Object, rootFinding.GetProperty("fix").ValueKind);
            Assert.StartsWith("aws ", rootFinding.GetProperty("fix").GetProperty("command").GetString(), StringComparison.Ordinal);
        }
    }
}
