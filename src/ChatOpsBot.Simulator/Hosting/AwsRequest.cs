using System.Text.Json;

namespace ChatOpsBot.Simulator.Hosting;

/// <summary>One decoded call: which service and action, its parameters, and the simulator clock at arrival.</summary>
internal sealed record AwsRequest(
    string Service,
    string Action,
    AwsProtocol Protocol,
    QueryParameters Form,
    JsonElement? Json,
    string RequestId,
    DateTimeOffset Now);
