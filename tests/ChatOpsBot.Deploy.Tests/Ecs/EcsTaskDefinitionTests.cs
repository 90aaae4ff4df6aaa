using System.Text.Json;
using ChatOpsBot.Deploy.Tests.Iam;
using ChatOpsBot.Deploy.Tests.Support;

namespace ChatOpsBot.Deploy.Tests.Ecs;

/// <summary>deploy/ecs/task-definition.json (Fargate) and the execution role policy that lets ECS fetch its secrets.</summary>
public sealed class EcsTaskDefinitionTests : IDisposable
{
    private readonly JsonDocument _task = JsonDocument.Parse(File.ReadAllText(DeployPaths.Deploy("ecs", "task-definition.json")));

    private JsonElement Task => _task.RootElement;

    private JsonElement Container => Task.GetProperty("containerDefinitions").EnumerateArray().Single();

    public void Dispose() => _task.Dispose();

    [Fact]
    public void Task_IsFargateAwsvpcWithSeparateTaskAndExecutionRoles()
    {
        Assert.Equal(["FARGATE"], Task.GetProperty("requiresCompatibilities").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal("awsvpc", Task.GetProperty("networkMode").GetString());
        var taskRole = Task.GetProperty("taskRoleArn").GetString();
        var executionRole = Task.GetProperty("executionRoleArn").GetString();
        Assert.Matches(@"^arn:aws:iam::\d{12}:role/", taskRole);
        Assert.Matches(@"^arn:aws:iam::\d{12}:role/", executionRole);
        Assert.NotEqual(taskRole, executionRole); // the bot's AWS reads must not share a role with ECR pulls and secret fetches
    }

    [Fact]
    public void Container_RunsNonRootOnAReadOnlyRootWithTmpMounted()
    {
        Assert.True(Container.GetProperty("readonlyRootFilesystem").GetBoolean());
        var user = Container.GetProperty("user").GetString();
        Assert.True(user == $"{DeployFacts.ImageUid}:{DeployFacts.ImageUid}", $"user '{user}' differs from the image's USER {DeployFacts.ImageUid}:{DeployFacts.ImageUid}");
        Assert.False(Container.TryGetProperty("privileged", out var privileged) && privileged.GetBoolean());
        Assert.Equal(["ALL"], Container.GetProperty("linuxParameters").GetProperty("capabilities").GetProperty("drop").EnumerateArray().Select(e => e.GetString()));

        var volumes = Task.GetProperty("volumes").EnumerateArray().Select(v => v.GetProperty("name").GetString()).ToArray();
        var tmp = Container.GetProperty("mountPoints").EnumerateArray().Single(m => m.GetProperty("containerPath").GetString() == "/tmp");
        Assert.Contains(tmp.GetProperty("sourceVolume").GetString(), volumes);
    }

    [Fact]
    public void Container_ListensOnTheImagePortAndChecksHealthz()
    {
        var port = Container.GetProperty("portMappings").EnumerateArray().Single();
        Assert.Equal(DeployFacts.ContainerPort, port.GetProperty("containerPort").GetInt32());

        var command = Container.GetProperty("healthCheck").GetProperty("command").EnumerateArray().Select(e => e.GetString()!).ToArray();
        Assert.Equal("CMD", command[0]);
        Assert.Contains($"/dev/tcp/127.0.0.1/{DeployFacts.ContainerPort}", command[^1], StringComparison.Ordinal);
        Assert.Contains($"GET {DeployFacts.LivenessPath} ", command[^1], StringComparison.Ordinal);
    }

    [Fact]
    public void StopTimeout_OutlastsTheBotsGracePeriodWithinFargatesMaximum()
    {
        var grace = DeployFacts.ParseGracePeriod(Environment()["Shutdown__GracePeriod"]);
        var stop = TimeSpan.FromSeconds(Container.GetProperty("stopTimeout").GetInt32());

        DeployFacts.AssertOutlastsGrace(grace, stop, "stopTimeout");
        Assert.True(stop <= TimeSpan.FromSeconds(120), "Fargate caps stopTimeout at 120 seconds");
    }

    [Fact]
    public void Secrets_ComeFromSecretsManagerOrParameterStore_AndTheExecutionRoleMayReadExactlyThose()
    {
        var secrets = Container.GetProperty("secrets").EnumerateArray()
            .ToDictionary(s => s.GetProperty("name").GetString()!, s => s.GetProperty("valueFrom").GetString()!, StringComparer.Ordinal);
        foreach (var name in new[] { "Discord__BotToken", "Transcripts__PostgresConnectionString" })
        {
            Assert.True(secrets.ContainsKey(name), $"{name} must come from `secrets` (valueFrom)");
            Assert.False(Environment().ContainsKey(name), $"{name} must not be a plain environment value");
        }

        var policy = IamPolicy.Load(DeployPaths.Deploy("ecs", "execution-role-policy.json"));
        foreach (var (name, valueFrom) in secrets)
        {
            var (action, resource) = valueFrom switch
            {
                _ when valueFrom.StartsWith("arn:aws:secretsmanager:", StringComparison.Ordinal) =>
                    ("secretsmanager:GetSecretValue", string.Join(':', valueFrom.Split(':')[..7])), // drop :json-key:version-stage:version-id
                _ when valueFrom.StartsWith("arn:aws:ssm:", StringComparison.Ordinal) => ("ssm:GetParameters", valueFrom),
                _ => throw new InvalidDataException($"{name}: valueFrom '{valueFrom}' is neither a Secrets Manager nor a Parameter Store ARN"),
            };
            Assert.True(
                policy.Statements.Any(s => s.Effect == "Allow" && s.Actions.Contains(action) && s.Resources.Contains(resource)),
                $"execution-role-policy.json must allow {action} on {resource} for {name}");
        }

        Assert.DoesNotContain(policy.Statements, s => s.Resources.Contains("*"));
    }

    private Dictionary<string, string> Environment() =>
        Container.GetProperty("environment").EnumerateArray()
            .ToDictionary(e => e.GetProperty("name").GetString()!, e => e.GetProperty("value").GetString()!, StringComparer.Ordinal);
}
