using System.Text.Json;

namespace ChatOpsBot.Simulator.Hosting;

/// <summary>One decoded call: which service and action, its parameters, the simulator clock at arrival, and the
/// access key that signed it (null for calls STS accepts unsigned).</summary>
internal sealed record AwsRequest(
    string Service,
    string Action,
    AwsProtocol Protocol,
    QueryParameters Form,
    JsonElement? Json,
    string RequestId,
    DateTimeOffset Now,
    string? AccessKeyId = null);
