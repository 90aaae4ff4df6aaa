using System.Text.Json;
using ChatOpsBot.Aws;
using ChatOpsBot.Deploy.Tests.Support;

namespace ChatOpsBot.Deploy.Tests.Iam;

/// <summary>
/// Least privilege, held to the code: the actions ChatOpsBot.Aws can call are read from its IL, and the policies in
/// deploy/iam must grant exactly those (each in the file it belongs to), no more and no fewer.
/// </summary>
public sealed class IamPolicyTests
{
    private static readonly Lazy<AwsActionScan> Scan = new(() => AwsActionScan.Of(typeof(AwsEvidence).Assembly.Location));

    public static TheoryData<string> PolicyFiles() => [.. Directory.GetFiles(DeployPaths.Deploy("iam"), "*.json").Select(p => Path.GetFileName(p))];

    [Theory]
    [MemberData(nameof(PolicyFiles))]
    public void PolicyFile_IsValidIamPolicyWithoutWildcardActions(string file)
    {
        var policy = BotPolicies.Load(file);

        var isTrust = file == BotPolicies.TargetTrust;
        Assert.Contains(file, BotPolicies.IdentityPolicies.Append(BotPolicies.TargetTrust));
        foreach (var statement in policy.Statements)
        {
            Assert.True(isTrust == statement.Principal is not null, $"{file} {statement.Sid}: {(isTrust ? "a trust policy names a Principal" : "an identity policy has no Principal")}.");
            Assert.True(isTrust == (statement.Resources.Count == 0), $"{file} {statement.Sid}: {(isTrust ? "a trust policy has no Resource" : "an identity policy names its Resource")}.");
        }
    }

    [Fact]
    public void StaticScan_ResolvesEveryAwsCallInTheAdapters()
    {
        var scan = Scan.Value;

        Assert.True(scan.Problems.Count == 0, string.Join(Environment.NewLine, scan.Problems));
        foreach (var service in new[] { "elasticloadbalancing", "cloudwatch", "ec2", "ssm" })
        {
            Assert.True(scan.Actions.Any(a => a.Service == service), $"the IL scan found no {service} action in ChatOpsBot.Aws.dll; the scan is broken.");
        }
    }

    [Fact]
    public void Policies_GrantEveryActionTheCodeCalls_InTheFileItBelongsTo()
    {
        var policies = BotPolicies.IdentityPolicies.ToDictionary(f => f, f => BotPolicies.Load(f).Allowed);

        var problems = new List<string>();
        foreach (var action in Scan.Value.Actions.Where(a => !BotPolicies.NeedNoPermission.Contains(a)))
        {
            var file = BotPolicies.FileFor(action);
            if (!policies[file].Contains(action))
            {
                problems.Add($"The code calls {action} but deploy/iam/{file} does not grant it: add \"{action}\" to deploy/iam/{file}.");
            }

            foreach (var other in policies.Where(p => p.Key != file && p.Value.Contains(action)))
            {
                problems.Add($"{action} belongs in deploy/iam/{file} only: remove it from deploy/iam/{other.Key}.");
            }
        }

        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }

    [Fact]
    public void Policies_GrantNoActionTheCodeNeverCalls()
    {
        var problems = BotPolicies.IdentityPolicies
            .SelectMany(f => BotPolicies.Load(f).Allowed.Select(a => (File: f, Action: a)))
            .Where(g => !Scan.Value.Actions.Contains(g.Action) || BotPolicies.NeedNoPermission.Contains(g.Action))
            .OrderBy(g => g.Action)
            .Select(g => BotPolicies.NeedNoPermission.Contains(g.Action)
                ? $"deploy/iam/{g.File} grants {g.Action}, which IAM never authorises: remove it."
                : $"deploy/iam/{g.File} grants {g.Action}, which no code in ChatOpsBot.Aws calls: remove it (or land the code that calls it).")
            .ToList();

        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }

    [Fact]
    public void SsmProbePolicy_ScopesSendCommandToTheDocumentAndToTaggedInstances()
    {
        var policy = BotPolicies.Load(BotPolicies.SsmProbe);
        var sendCommand = policy.Statements.Where(s => s.Actions.Contains("ssm:SendCommand")).ToArray();

        // SendCommand is authorised against the document and against each instance: one statement for each, and a
        // tag condition only on the instance statement (the AWS-owned document carries no tags of ours).
        Assert.Equal(2, sendCommand.Length);
        Assert.All(sendCommand, s => Assert.Equal(["ssm:SendCommand"], s.Actions));
        var document = Assert.Single(sendCommand, s => s.Resources.All(r => r.Contains(":document/", StringComparison.Ordinal)));
        Assert.Equal(["arn:aws:ssm:*::document/AWS-RunShellScript"], document.Resources);
        Assert.Null(document.Condition);
        var instances = Assert.Single(sendCommand, s => s.Resources.All(r => r.Contains(":instance/", StringComparison.Ordinal)));
        Assert.NotNull(instances.Condition);
        var tagged = instances.Condition.Value.GetProperty("StringEquals").EnumerateObject().Select(p => p.Name);
        Assert.Contains(tagged, k => k.StartsWith("aws:ResourceTag/", StringComparison.Ordinal));
        Assert.DoesNotContain(policy.Statements, s => s.Actions.Contains("ssm:SendCommand") && s.Resources.Contains("*"));
    }

    [Fact]
    public void TargetTrustPolicy_TrustsTheBotsRole_OnlyWithAnExternalId()
    {
        var trust = BotPolicies.Load(BotPolicies.TargetTrust);
        var statement = Assert.Single(trust.Statements);
        Assert.Equal(["sts:AssumeRole"], statement.Actions);

        var principal = statement.Principal!.Value.GetProperty("AWS").GetString();
        Assert.Equal(BotRoleArn.FromKubernetes(), principal);
        Assert.Equal(BotRoleArn.FromEcs(), principal);
        var externalId = statement.Condition!.Value.GetProperty("StringEquals").GetProperty("sts:ExternalId").GetString();
        Assert.False(string.IsNullOrWhiteSpace(externalId));

        var assume = BotPolicies.Load(BotPolicies.AssumeTargets).Statements.Single(s => s.Actions.Contains("sts:AssumeRole"));
        Assert.All(assume.Resources, r => Assert.Matches(@"^arn:aws:iam::\d{12}:role/[\w+=,.@/-]+$", r));
    }

    [Fact]
    public async Task EveryScenario_CallsOnlyActionsTheStaticScanFound()
    {
        var recorded = await SimulatedCatalogRun.RecordedActionsAsync();

        Assert.NotEmpty(recorded);
        foreach (var needed in new[] { new AwsAction("ssm", "SendCommand"), new AwsAction("ssm", "GetCommandInvocation"), new AwsAction("sts", "AssumeRole") })
        {
            Assert.True(recorded.ContainsKey(needed), $"No scenario run sent {needed}: the live cross-check no longer exercises the probe or AssumeRole path.");
        }

        var missed = recorded
            .Where(r => !Scan.Value.Actions.Contains(r.Key))
            .Select(r => $"{r.Key} was sent to the simulator (scenario {r.Value}) but the IL scan did not find it: teach {nameof(AwsActionScan)} how that call is made.")
            .ToList();
        Assert.True(missed.Count == 0, string.Join(Environment.NewLine, missed));
    }

    private static class BotRoleArn
    {
        public static string? FromKubernetes() =>
            KubernetesManifests.Load().Single(d => d.Kind == "ServiceAccount").Metadata.Annotations["eks.amazonaws.com/role-arn"];

        public static string? FromEcs()
        {
            using var task = JsonDocument.Parse(File.ReadAllText(DeployPaths.Deploy("ecs", "task-definition.json")));
            return task.RootElement.GetProperty("taskRoleArn").GetString();
        }
    }
}
