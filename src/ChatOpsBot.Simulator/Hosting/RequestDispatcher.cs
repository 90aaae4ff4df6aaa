using System.Collections.Concurrent;
using System.Text;
using System.Text.Json;
using System.Xml.Linq;
using ChatOpsBot.Simulator.Faults;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Logging;

namespace ChatOpsBot.Simulator.Hosting;

/// <summary>
/// The single endpoint behind the simulator's port: decodes the protocol (form body with <c>Version</c>, or
/// <c>X-Amz-Target</c> JSON), checks the SigV4 scope, applies faults and latency, calls the API and records the call.
/// </summary>
internal sealed partial class RequestDispatcher(
    IReadOnlyDictionary<string, IAwsApi> apisByVersion,
    IAwsApi ssm,
    string region,
    Sts.CredentialBook keys,
    FaultInjector faults,
    SimulatorOptions options,
    ILogger logger)
{
    private static readonly XNamespace UnknownNamespace = "http://elasticloadbalancing.amazonaws.com/doc/2015-12-01/";
    private readonly ConcurrentQueue<RecordedRequest> _requests = new();

    public IReadOnlyList<RecordedRequest> Requests => [.. _requests];

    public async Task HandleAsync(HttpContext context)
    {
        var cancellationToken = context.RequestAborted;
        var time = options.TimeProvider;
        var arrived = time.GetUtcNow();
        var requestId = Guid.NewGuid().ToString();
        string body;
        using (var reader = new StreamReader(context.Request.Body, Encoding.UTF8))
        {
            body = await reader.ReadToEndAsync(cancellationToken).ConfigureAwait(false);
        }

        var (api, action, form, json, routeError) = Route(context.Request, body);
        var protocol = api?.Protocol ?? (context.Request.Headers.ContainsKey("X-Amz-Target") ? AwsProtocol.Json : AwsProtocol.Query);
        AwsResponse response;
        string? errorCode = null;
        string? signedBy = null;
        try
        {
            if (routeError is not null)
            {
                throw routeError;
            }

            var unsigned = api!.AcceptsUnsigned(action) && string.IsNullOrEmpty(context.Request.Headers.Authorization.ToString());
            if (!unsigned)
            {
                var authError = SignatureCheck.Verify(context.Request, api.SigningName, region, keys, protocol, time.GetUtcNow(), out signedBy);
                if (authError is not null)
                {
                    throw authError;
                }
            }

            var (faultLatency, faultError) = faults.Next(api.ServiceName, action, protocol);
            var delay = options.Latency + faultLatency;
            if (delay > TimeSpan.Zero)
            {
                await Task.Delay(delay, time, cancellationToken).ConfigureAwait(false);
            }

            if (faultError is not null)
            {
                LogFault(api.ServiceName, action, faultError.Code);
                throw faultError;
            }

            response = api.Handle(new AwsRequest(api.ServiceName, action, protocol, form, json, requestId, time.GetUtcNow(), signedBy));
        }
        catch (AwsErrorException ex)
        {
            errorCode = ex.Code;
            response = ErrorWriter.Write(protocol, api?.XmlNamespace ?? UnknownNamespace, ex, requestId);
        }

        var service = api?.ServiceName ?? "unknown";
        _requests.Enqueue(new RecordedRequest(service, action, arrived, response.StatusCode, errorCode, signedBy));
        LogServed(service, action, response.StatusCode);

        context.Response.StatusCode = response.StatusCode;
        context.Response.ContentType = response.ContentType;
        context.Response.Headers["x-amzn-RequestId"] = requestId;
        if (errorCode is not null && protocol == AwsProtocol.Json)
        {
            context.Response.Headers["x-amzn-ErrorType"] = errorCode;
        }

        await context.Response.WriteAsync(response.Body, cancellationToken).ConfigureAwait(false);
    }

    private (IAwsApi? Api, string Action, QueryParameters Form, JsonElement? Json, AwsErrorException? Error) Route(HttpRequest request, string body)
    {
        if (!HttpMethods.IsPost(request.Method))
        {
            return (null, "", QueryParameters.Empty, null, new AwsErrorException("InvalidAction", "The simulator only accepts POST requests.", 405));
        }

        var target = request.Headers["X-Amz-Target"].ToString();
        if (target.Length > 0)
        {
            var dot = target.IndexOf('.', StringComparison.Ordinal);
            var action = dot < 0 ? target : target[(dot + 1)..];
            if (!target.StartsWith("AmazonSSM.", StringComparison.Ordinal))
            {
                return (null, action, QueryParameters.Empty, null, new AwsErrorException("UnknownOperationException", $"Unknown operation {target}"));
            }

            try
            {
                using var document = JsonDocument.Parse(body.Length == 0 ? "{}" : body);
                return (ssm, action, QueryParameters.Empty, document.RootElement.Clone(), null);
            }
            catch (JsonException)
            {
                return (ssm, action, QueryParameters.Empty, null, new AwsErrorException("SerializationException", "Start of structure or map found where not expected."));
            }
        }

        var values = QueryHelpers.ParseQuery(body)
            .Concat(request.Query)
            .GroupBy(kv => kv.Key, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.First().Value.ToString(), StringComparer.Ordinal);
        var form = new QueryParameters(values);
        var actionName = form.Get("Action") ?? "";
        var version = form.Get("Version") ?? "";
        if (!apisByVersion.TryGetValue(version, out var api))
        {
            return (null, actionName, form, null, new AwsErrorException(
                version.Length == 0 ? "MissingParameter" : "InvalidAction",
                version.Length == 0 ? "The request must contain the parameter Version." : $"Could not find operation {actionName} for version {version}"));
        }

        if (actionName.Length == 0)
        {
            return (api, actionName, form, null, new AwsErrorException("MissingAction", "The request must contain the parameter Action."));
        }

        return (api, actionName, form, null, null);
    }

    [LoggerMessage(EventId = 2001, Level = LogLevel.Debug, Message = "Simulated {Service} {Action} answered {StatusCode}")]
    private partial void LogServed(string service, string action, int statusCode);

    [LoggerMessage(EventId = 2002, Level = LogLevel.Information, Message = "Injected fault {Code} into {Service} {Action}")]
    private partial void LogFault(string service, string action, string code);
}
