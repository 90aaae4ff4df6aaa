using System.Net;
using System.Text.RegularExpressions;
using ChatOpsBot.Aws.Errors;
using ChatOpsBot.Aws.Query;
using ChatOpsBot.Aws.Telemetry;

namespace ChatOpsBot.Aws.Sdk;

/// <summary>Sits under the AWS SDK's retries: counts every HTTP attempt and every throttled response (the SDK retries
/// those itself, so this is the only place they are visible).</summary>
internal sealed partial class AttemptCountingHandler(HttpMessageHandler inner) : DelegatingHandler(inner)
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        AttemptCounter.Increment();
        var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode && AttemptCounter.Current is { } call && await IsThrottledAsync(response, cancellationToken).ConfigureAwait(false))
        {
            AwsMetrics.Throttled(call.Service, call.Operation);
        }

        return response;
    }

    /// <summary>429, or an error code AWS uses for throttling: EC2's query XML (<c>Response/Errors/Error/Code</c>, read by <see cref="QueryErrorBody"/>), or the JSON
    /// protocol's <c>X-Amzn-ErrorType</c> header / <c>__type</c> field (SSM). The body is buffered, so the SDK still reads it.</summary>
    private static async Task<bool> IsThrottledAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        if (response.StatusCode == HttpStatusCode.TooManyRequests)
        {
            return true;
        }

        if (response.Headers.TryGetValues("X-Amzn-ErrorType", out var types) && types.FirstOrDefault() is { } type)
        {
            return IsThrottleCode(type.Split(':')[0]);
        }

        await response.Content.LoadIntoBufferAsync(cancellationToken).ConfigureAwait(false);
        var text = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        if (QueryErrorBody.Parse(text).Code is { } xmlCode)
        {
            return IsThrottleCode(xmlCode);
        }

        var jsonType = JsonErrorType().Match(text);
        return jsonType.Success && IsThrottleCode(jsonType.Groups["code"].Value);
    }

    private static bool IsThrottleCode(string code) =>
        AwsErrorClassifier.Classify(code[(code.LastIndexOf('#') + 1)..], null).Retry == RetryClass.Throttle;

    [GeneratedRegex(@"""__type""\s*:\s*""(?<code>[^""]{1,200})""")]
    private static partial Regex JsonErrorType();
}
