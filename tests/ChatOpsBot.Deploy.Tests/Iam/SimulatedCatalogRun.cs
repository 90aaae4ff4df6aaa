using Amazon.Runtime;
using ChatOpsBot.Aws;
using ChatOpsBot.Aws.Configuration;
using ChatOpsBot.Runbooks.Engine;
using ChatOpsBot.Runbooks.Http503;
using ChatOpsBot.Simulator;
using ChatOpsBot.Simulator.Scenarios;

namespace ChatOpsBot.Deploy.Tests.Iam;

/// <summary>Runs every catalogue scenario through the production adapters (the same <see cref="AwsEvidenceProvider"/>
/// the bot host uses) against the simulated AWS, and returns the actions the simulator answered.</summary>
internal static class SimulatedCatalogRun
{
    /// <summary>The simulator's service names (its wire view) to IAM prefixes.</summary>
    private static readonly IReadOnlyDictionary<string, string> IamPrefixes = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["elasticloadbalancing"] = "elasticloadbalancing",
        ["elb"] = "elasticloadbalancing",
        ["monitoring"] = "cloudwatch",
        ["ec2"] = "ec2",
        ["ssm"] = "ssm",
        ["sts"] = "sts",
    };

    /// <returns>Each action recorded, with the first scenario that sent it.</returns>
    public static async Task<IReadOnlyDictionary<AwsAction, string>> RecordedActionsAsync()
    {
        var recorded = new SortedDictionary<AwsAction, string>();
        foreach (var name in ScenarioCatalog.Names)
        {
            var scenario = ScenarioCatalog.Load(name);
            await using var aws = await SimulatedAws.StartAsync(scenario);
            var settings = new AwsConnectionSettings
            {
                Region = aws.Region,
                Endpoints = Enum.GetValues<AwsService>().ToDictionary(s => s, _ => aws.BaseUrl),
                Credentials = new BasicAWSCredentials(aws.AccessKeyId, aws.SecretAccessKey),
                DnsServer = aws.DnsEndpoint.ToString(),
            };
            using var provider = new AwsEvidenceProvider(settings, TimeProvider.System);
            var sources = provider.For(aws.Region);
            var lb = scenario.Expect?.LoadBalancer ?? scenario.LoadBalancers.FirstOrDefault()?.Name ?? scenario.ClassicLoadBalancers[0].Name;

            await new Http503Runbook(sources, TimeProvider.System).RunAsync(new DiagnosisRequest("503", lb, aws.Region, TimeSpan.FromHours(1)), null, CancellationToken.None);
            await sources.LoadBalancing.ListLoadBalancerNamesAsync(CancellationToken.None); // Discord's autocomplete

            foreach (var request in aws.Requests)
            {
                var prefix = IamPrefixes.TryGetValue(request.Service, out var p)
                    ? p
                    : throw new InvalidOperationException($"The simulator answered a request for service '{request.Service}' ({request.Action}) that this test cannot map to an IAM prefix.");
                recorded.TryAdd(new AwsAction(prefix, request.Action), name);
            }
        }

        return recorded;
    }
}
