using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Xml.Linq;
using ChatOpsBot.Simulator.Hosting;
using ChatOpsBot.Simulator.Scenarios;

namespace ChatOpsBot.Simulator.Ssm;

/// <summary>
/// Systems Manager (awsJson 1.1): DescribeInstanceInformation, and SendCommand + GetCommandInvocation whose status
/// moves Pending → InProgress → final over simulated time.
/// </summary>
internal sealed class SsmApi(ScenarioIndex index) : IAwsApi
{
    private static readonly TimeSpan PendingFor = TimeSpan.FromSeconds(1);
    private readonly ConcurrentDictionary<string, SentCommand> _commands = new(StringComparer.Ordinal);

    public string SigningName => "ssm";

    public string ServiceName => "ssm";

    public AwsProtocol Protocol => AwsProtocol.Json;

    public XNamespace XmlNamespace => XNamespace.None;

    private Scenario Scenario => index.Scenario;

    public AwsResponse Handle(AwsRequest request) => request.Action switch
    {
        "DescribeInstanceInformation" => DescribeInstanceInformation(request),
        "SendCommand" => SendCommand(request),
        "GetCommandInvocation" => GetCommandInvocation(request),
        _ => throw new AwsErrorException("UnknownOperationException", $"Unknown operation AmazonSSM.{request.Action}"),
    };

    private static AwsResponse Respond(JsonObject body) => AwsResponse.Json(body.ToJsonString());

    private static double Epoch(DateTimeOffset t) => t.ToUnixTimeMilliseconds() / 1000.0;

    private static IEnumerable<string> Strings(JsonElement? element, string property) =>
        element is { ValueKind: JsonValueKind.Object } e && e.TryGetProperty(property, out var list) && list.ValueKind == JsonValueKind.Array
            ? list.EnumerateArray().Where(v => v.ValueKind == JsonValueKind.String).Select(v => v.GetString()!)
            : [];

    private static string? String(JsonElement? element, string property) =>
        element is { ValueKind: JsonValueKind.Object } e && e.TryGetProperty(property, out var v) && v.ValueKind == JsonValueKind.String
            ? v.GetString()
            : null;

    private static int? Int(JsonElement? element, string property) =>
        element is { ValueKind: JsonValueKind.Object } e && e.TryGetProperty(property, out var v) && v.ValueKind == JsonValueKind.Number
            ? v.GetInt32()
            : null;

    private AwsResponse DescribeInstanceInformation(AwsRequest request)
    {
        IEnumerable<ScenarioManagedInstance> selected = Scenario.Ssm.ManagedInstances;
        var filters = new List<(string Key, string[] Values)>();
        if (request.Json is { ValueKind: JsonValueKind.Object } json)
        {
            if (json.TryGetProperty("Filters", out var f) && f.ValueKind == JsonValueKind.Array)
            {
                filters.AddRange(f.EnumerateArray().Select(x => (String(x, "Key") ?? "", Strings(x, "Values").ToArray())));
            }

            if (json.TryGetProperty("InstanceInformationFilterList", out var old) && old.ValueKind == JsonValueKind.Array)
            {
                filters.AddRange(old.EnumerateArray().Select(x => (String(x, "key") ?? "", Strings(x, "valueSet").ToArray())));
            }
        }

        foreach (var (key, values) in filters)
        {
            Func<ScenarioManagedInstance, string> field = key switch
            {
                "InstanceIds" => i => i.InstanceId,
                "PingStatus" => i => i.PingStatus,
                "PlatformTypes" => i => i.PlatformType,
                "AgentVersion" => i => i.AgentVersion,
                "ResourceType" => _ => "EC2Instance",
                _ => throw new AwsErrorException("InvalidInstanceInformationFilterValue", $"The filter key {key} is not valid."),
            };
            selected = selected.Where(i => values.Contains(field(i), StringComparer.Ordinal));
        }

        var maxResults = Int(request.Json, "MaxResults");
        if (maxResults is < 5 or > 50)
        {
            throw new AwsErrorException("ValidationException", $"1 validation error detected: Value '{maxResults}' at 'maxResults' failed to satisfy constraint: Member must have value between 5 and 50");
        }

        var (page, next) = Paging.Page([.. selected], maxResults, Scenario.PageSize, String(request.Json, "NextToken"), "InvalidNextToken");
        var list = new JsonArray();
        foreach (var i in page)
        {
            var instance = index.Instances.FirstOrDefault(x => x.InstanceId == i.InstanceId);
            list.Add(new JsonObject
            {
                ["InstanceId"] = i.InstanceId,
                ["PingStatus"] = i.PingStatus,
                ["LastPingDateTime"] = Epoch(i.PingStatus == "Online" ? request.Now.AddSeconds(-37) : request.Now.AddHours(-6)),
                ["AgentVersion"] = i.AgentVersion,
                ["IsLatestVersion"] = i.IsLatestVersion,
                ["PlatformType"] = i.PlatformType,
                ["PlatformName"] = i.PlatformName,
                ["PlatformVersion"] = i.PlatformVersion,
                ["ResourceType"] = "EC2Instance",
                ["IPAddress"] = i.IpAddress ?? instance?.PrivateIpAddress,
                ["ComputerName"] = i.ComputerName ?? (instance is null ? null : $"ip-{instance.PrivateIpAddress.Replace('.', '-')}.ec2.internal"),
                ["AssociationStatus"] = "Success",
                ["SourceId"] = i.InstanceId,
                ["SourceType"] = "AWS::EC2::Instance",
            });
        }

        var body = new JsonObject { ["InstanceInformationList"] = list };
        if (next is not null)
        {
            body["NextToken"] = next;
        }

        return Respond(body);
    }

    private AwsResponse SendCommand(AwsRequest request)
    {
        var documentName = String(request.Json, "DocumentName")
            ?? throw new AwsErrorException("ValidationException", "1 validation error detected: Value null at 'documentName' failed to satisfy constraint: Member must not be null");
        var instanceIds = Strings(request.Json, "InstanceIds").ToArray();
        if (instanceIds.Length is 0 or > 50)
        {
            throw new AwsErrorException("ValidationException", "InstanceIds must name between 1 and 50 instances.");
        }

        var unmanaged = instanceIds.Where(id => Scenario.Ssm.ManagedInstances.All(m => m.InstanceId != id || m.PingStatus != "Online")).ToArray();
        if (unmanaged.Length > 0)
        {
            throw new AwsErrorException("InvalidInstanceId", $"Instances [[{string.Join(", ", unmanaged)}]] not in a valid state for account {Scenario.AccountId}");
        }

        var commandId = Guid.NewGuid().ToString();
        var ps = request.Json is { } body && body.TryGetProperty("Parameters", out var found) ? found : (JsonElement?)null;
        var script = ps is { ValueKind: JsonValueKind.Object } obj ? string.Join('\n', Strings(obj, "commands")) : string.Empty;
        var command = new SentCommand(commandId, documentName, String(request.Json, "Comment"), instanceIds, request.Now, script);
        _commands[commandId] = command;
        var parameters = ps is { } raw ? JsonNode.Parse(raw.GetRawText()) : new JsonObject();
        return Respond(new JsonObject
        {
            ["Command"] = new JsonObject
            {
                ["CommandId"] = commandId,
                ["DocumentName"] = documentName,
                ["DocumentVersion"] = "$DEFAULT",
                ["Comment"] = command.Comment ?? "",
                ["ExpiresAfter"] = Epoch(request.Now.AddSeconds(Int(request.Json, "TimeoutSeconds") ?? 3600)),
                ["Parameters"] = parameters,
                ["InstanceIds"] = new JsonArray([.. instanceIds.Select(i => (JsonNode)i)]),
                ["Targets"] = new JsonArray(),
                ["RequestedDateTime"] = Epoch(request.Now),
                ["Status"] = "Pending",
                ["StatusDetails"] = "Pending",
                ["OutputS3Region"] = Scenario.Region,
                ["MaxConcurrency"] = "50",
                ["MaxErrors"] = "0",
                ["TargetCount"] = instanceIds.Length,
                ["CompletedCount"] = 0,
                ["ErrorCount"] = 0,
                ["DeliveryTimedOutCount"] = 0,
                ["TimeoutSeconds"] = Int(request.Json, "TimeoutSeconds") ?? 3600,
                ["CloudWatchOutputConfig"] = new JsonObject { ["CloudWatchOutputEnabled"] = false },
            },
        });
    }

    private AwsResponse GetCommandInvocation(AwsRequest request)
    {
        var commandId = String(request.Json, "CommandId") ?? "";
        var instanceId = String(request.Json, "InstanceId") ?? "";
        if (!_commands.TryGetValue(commandId, out var command) || !command.InstanceIds.Contains(instanceId, StringComparer.Ordinal))
        {
            throw new AwsErrorException("InvocationDoesNotExist", "");
        }

        var output = Scenario.Ssm.CommandOutputs.GetValueOrDefault(instanceId) ?? new ScenarioCommandOutput();
        var elapsed = request.Now - command.Requested;
        var duration = TimeSpan.FromSeconds(Math.Max(output.DurationSeconds, 1));
        var started = command.Requested + PendingFor;
        var (status, code) = elapsed < PendingFor ? ("Pending", -1)
            : elapsed < PendingFor + duration || output.NeverFinishes ? ("InProgress", -1)
            : (output.Status, output.ResponseCode);
        var done = status is not ("Pending" or "InProgress");
        // Output exists only once the command is done: render it then, not on every poll.
        var stdout = !done ? string.Empty
            : output.Probe is { } probe ? ProbeRendering.Render(probe, command.Script, index.Instances.FirstOrDefault(i => i.InstanceId == instanceId)?.PrivateIpAddress)
            : output.StandardOutput;
        return Respond(new JsonObject
        {
            ["CommandId"] = commandId,
            ["InstanceId"] = instanceId,
            ["Comment"] = command.Comment ?? "",
            ["DocumentName"] = command.DocumentName,
            ["DocumentVersion"] = "$DEFAULT",
            ["PluginName"] = "aws:runShellScript",
            ["ResponseCode"] = code,
            ["ExecutionStartDateTime"] = status == "Pending" ? "" : IsoTime(started),
            ["ExecutionElapsedTime"] = done ? $"PT{duration.TotalSeconds.ToString("0.000", CultureInfo.InvariantCulture)}S" : "",
            ["ExecutionEndDateTime"] = done ? IsoTime(started + duration) : "",
            ["Status"] = status,
            ["StatusDetails"] = done && output.StatusDetails is { } details ? details : status,
            ["StandardOutputContent"] = done ? Truncate(stdout, 24_000) : "",
            ["StandardOutputUrl"] = "",
            ["StandardErrorContent"] = done ? Truncate(output.StandardError, 8_000) : "",
            ["StandardErrorUrl"] = "",
            ["CloudWatchOutputConfig"] = new JsonObject { ["CloudWatchOutputEnabled"] = false, ["CloudWatchLogGroupName"] = "" },
        });
    }

    private static string IsoTime(DateTimeOffset t) => XmlText.Time(t);

    private static string Truncate(string text, int max) => text.Length <= max ? text : text[..max];

    private sealed record SentCommand(string CommandId, string DocumentName, string? Comment, IReadOnlyList<string> InstanceIds, DateTimeOffset Requested, string Script);
}
