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

        var args = new List<string> { "diagnose", "503", lb, "--simulate", name, "--output", "json" };
        if (expect.OnInstance is { } probe)
        {
            args.AddRange(OnInstanceArguments(probe));
        }

        Check(expect, await CliRun.RunAsync([.. args]));
        if (expect.WithoutOnInstance is { } without)
        {
            // The same account without the instances' view: what the load balancer's APIs alone can tell.
            Check(without, await CliRun.RunAsync("diagnose", "503", lb, "--simulate", name, "--output", "json"));
        }
    }

    /// <summary>The CLI options that turn on the scenario's on-instance checks.</summary>
    internal static IEnumerable<string> OnInstanceArguments(ScenarioOnInstance probe)
    {
        yield return "--on-instance";
        if (probe.Service is { } service)
        {
            yield return "--service";
            yield return service;
        }

        if (probe.AppLog is { } log)
        {
            yield return "--app-log";
            yield return log;
        }

        foreach (var host in probe.Dependencies)
        {
            yield return "--dependency";
            yield return host;
        }

        if (probe.MaxInstances is { } max)
        {
            yield return "--max-instances";
            yield return max.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
    }

    private static void Check(ScenarioExpectation expect, CliRun run)
    {
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
