// Diagnosis wall time against the simulated AWS with a fixed latency added to every call.
// Prints, per scenario: median wall time, AWS calls, sequential waves (the longest chain of calls where each
// starts after the previous ended), wall / (waves x latency), and the large/small ratio.
// Usage: dotnet run -c Release --project bench/ChatOpsBot.Bench [-- --latency-ms 50 --runs 7]
//        dotnet run -c Release --project bench/ChatOpsBot.Bench -- --discord [--commands 50]
//        dotnet run -c Release --project bench/ChatOpsBot.Bench -- --transcripts
using System.Diagnostics;
using System.Globalization;
using Amazon.Runtime;
using ChatOpsBot.Aws;
using ChatOpsBot.Aws.Configuration;
using ChatOpsBot.Runbooks.Engine;
using ChatOpsBot.Runbooks.Evidence;
using ChatOpsBot.Runbooks.Http503;
using ChatOpsBot.Simulator;
using ChatOpsBot.Simulator.Scenarios;

if (args.Contains("--transcripts"))
{
    await TranscriptBench.RunAsync(args);
    return;
}

if (args.Contains("--discord"))
{
    await DiscordBench.RunAsync((int)Arg("--commands", 50));
    return;
}

var latency = TimeSpan.FromMilliseconds(Arg("--latency-ms", 50));
var runs = (int)Arg("--runs", 7);
string[] scenarios = args.Contains("--scenarios") ? args[Array.IndexOf(args, "--scenarios") + 1].Split(',') : ["sg-blocks-health-check", "large-alb"];

Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"latency {latency.TotalMilliseconds} ms per AWS call, {runs} runs per scenario (+1 warm-up), median reported"));
Console.WriteLine($"{"scenario",-26} {"targets",7} {"wall ms",8} {"calls",6} {"waves",6} {"wall/(waves*lat)",17} {"root cause",-28}");
var medians = new Dictionary<string, double>();
foreach (var name in scenarios)
{
    var scenario = ScenarioCatalog.Load(name);
    await using var aws = await SimulatedAws.StartAsync(scenario, new SimulatorOptions { Latency = latency });
    var settings = new AwsConnectionSettings
    {
        Region = aws.Region,
        Endpoints = Enum.GetValues<AwsService>().ToDictionary(s => s, _ => aws.BaseUrl),
        Credentials = new BasicAWSCredentials(aws.AccessKeyId, aws.SecretAccessKey),
        DnsServer = aws.DnsEndpoint.ToString(),
    };
    using var evidence = AwsEvidence.Create(settings, TimeProvider.System);
    var runbook = new Http503Runbook(new EvidenceSources(evidence.LoadBalancing, evidence.Metrics, evidence.Network, evidence.InstanceManagement, evidence.NameResolver), TimeProvider.System);
    var lb = scenario.Expect?.LoadBalancer ?? scenario.LoadBalancers[0].Name;
    var walls = new List<double>();
    int calls = 0, waves = 0;
    string root = "";
    for (var i = 0; i <= runs; i++)
    {
        var sw = Stopwatch.StartNew();
        var report = await runbook.RunAsync(new DiagnosisRequest("503", lb, aws.Region, TimeSpan.FromHours(1)), null, CancellationToken.None);
        sw.Stop();
        if (i == 0)
        {
            continue; // warm-up: JIT and connection setup
        }

        walls.Add(sw.Elapsed.TotalMilliseconds);
        if (args.Contains("--calls") && i == runs)
        {
            var t0 = report.AwsCalls.Min(c => c.Started);
            foreach (var c in report.AwsCalls.OrderBy(c => c.Started))
            {
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"    +{(c.Started - t0).TotalMilliseconds,6:0} ms {c.Duration.TotalMilliseconds,5:0} ms  {c.Service}:{c.Operation} x{c.Attempts}"));
            }
        }

        calls = report.AwsCalls.Count;
        waves = EvidenceCallLog.CountWaves(report.AwsCalls);
        root = ChatOpsBot.Runbooks.Causes.CauseIds.ToWire(report.RootCause);
    }

    walls.Sort();
    var median = walls[walls.Count / 2];
    medians[name] = median;
    var targets = scenario.TargetGroups.Sum(t => t.Targets.Count);
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{name,-26} {targets,7} {median,8:0} {calls,6} {waves,6} {median / (waves * latency.TotalMilliseconds),17:0.00} {root,-28}"));
}

if (medians.Count >= 2)
{
    var small = medians[scenarios[0]];
    var large = medians[scenarios[^1]];
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{scenarios[^1]} / {scenarios[0]} wall-time ratio: {large / small:0.00} (target <= 2.0)"));
}

Console.WriteLine("targets: waves <= 5, wall/(waves*latency) <= 1.5");

double Arg(string name, double fallback) =>
    args.Contains(name) ? double.Parse(args[Array.IndexOf(args, name) + 1], CultureInfo.InvariantCulture) : fallback;
