using Amazon.Runtime;
using ChatOpsBot.Aws;
using ChatOpsBot.Aws.Configuration;
using ChatOpsBot.Runbooks.Engine;
using ChatOpsBot.Runbooks.Evidence.Instances;
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
            // Scenarios with on-instance expectations run with the probe on, and scenarios with assumable roles run
            // through the first role, so SendCommand/GetCommandInvocation and AssumeRole are seen on the wire too.
            var probe = scenario.Expect?.OnInstance is { } on
                ? new InstanceProbeOptions(on.MaxInstances ?? InstanceProbeOptions.DefaultMaxInstances, ServiceName: on.Service, LogPath: on.AppLog, DependencyHosts: on.Dependencies)
                : null;
            var role = scenario.Sts.Roles.FirstOrDefault(r => !r.WebIdentity);
            var accounts = role is null
                ? new Dictionary<string, AwsAccountSettings>()
                : new Dictionary<string, AwsAccountSettings> { ["target"] = new() { RoleArn = role.Arn, ExternalId = role.ExternalId, Region = aws.Region } };
            var settings = new AwsConnectionSettings
            {
                Region = aws.Region,
                Endpoints = Enum.GetValues<AwsService>().ToDictionary(s => s, _ => aws.BaseUrl),
                Credentials = new BasicAWSCredentials(aws.AccessKeyId, aws.SecretAccessKey),
                DnsServer = aws.DnsEndpoint.ToString(),
                InstanceProbeEnabled = probe is not null,
            }.WithAccounts(accounts, defaultAccount: null, roleSessionName: null);
            using var provider = new AwsEvidenceProvider(settings, TimeProvider.System);
            var account = role is null ? null : "target";
            var sources = provider.For(aws.Region, account);
            var lb = scenario.Expect?.LoadBalancer ?? scenario.LoadBalancers.FirstOrDefault()?.Name ?? scenario.ClassicLoadBalancers[0].Name;

            var diagnosis = new DiagnosisRequest("503", lb, aws.Region, TimeSpan.FromHours(1), OnInstance: probe, Account: account);
            await new Http503Runbook(sources, TimeProvider.System).RunAsync(diagnosis, null, CancellationToken.None);
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
