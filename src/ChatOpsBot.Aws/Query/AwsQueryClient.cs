using System.Globalization;
using System.Net;
using System.Text;
using System.Xml;
using System.Xml.Linq;
using Amazon.Runtime;
using ChatOpsBot.Aws.Configuration;
using ChatOpsBot.Aws.Errors;
using ChatOpsBot.Aws.Telemetry;
using ChatOpsBot.Runbooks.Evidence;
using Microsoft.Extensions.Logging;

namespace ChatOpsBot.Aws.Query;

/// <summary>
/// One awsQuery endpoint (ELBv2, Classic ELB or CloudWatch): form-encoded POSTs through an <see cref="HttpClient"/>
/// whose handler chain signs with SigV4, bounded retries on throttling and 5xx with full-jitter backoff on the
/// injected <see cref="TimeProvider"/>, typed errors, one <see cref="EvidenceCall"/> per logical request.
/// </summary>
internal sealed class AwsQueryClient(
    HttpClient http,
    Uri endpoint,
    string iamService,
    string version,
    ServiceLimiter limiter,
    QueryRetryPolicy retry,
    TimeProvider time,
    ILogger logger)
{
    /// <summary>The most pages any paginated call follows before giving up.</summary>
    public const int MaxPages = 200;

    private const string ContentType = "application/x-www-form-urlencoded";

    public Uri Endpoint => endpoint;

    public string IamService => iamService;

    /// <summary>Sends one request and returns its <c>&lt;Action&gt;Result</c> element.</summary>
    public async Task<XElement> SendAsync(string action, QueryParameters parameters, CancellationToken cancellationToken)
    {
        var body = parameters.ToFormBody(action, version);
        var started = time.GetUtcNow();
        var startTimestamp = time.GetTimestamp();
        var attempt = 0;
        while (true)
        {
            attempt++;
            Failure failure;
            try
            {
                var (status, text) = await SendOnceAsync(body, cancellationToken).ConfigureAwait(false);
                if (status is >= 200 and < 300)
                {
                    var result = ParseResult(action, text, attempt, started, startTimestamp);
                    CallRecorder.Record(time, iamService, action, started, startTimestamp, attempt, "ok");
                    return result;
                }

                var error = QueryErrorBody.Parse(text);
                var classification = AwsErrorClassifier.Classify(error.Code, status);
                failure = new Failure(classification, error.Code ?? status.ToString(CultureInfo.InvariantCulture), status, error.Message, null);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                CallRecorder.Record(time, iamService, action, started, startTimestamp, attempt, "cancelled");
                throw;
            }
            catch (Exception ex) when (CredentialsUnavailableException.Find(ex) is { } missing)
            {
                CallRecorder.Record(time, iamService, action, started, startTimestamp, attempt, "NoCredentials");
                throw AwsErrorMessages.NoCredentials(iamService, action, missing);
            }
            catch (AmazonClientException ex)
            {
                // The signing handler could not obtain credentials (expired SSO session, failed role assumption...).
                CallRecorder.Record(time, iamService, action, started, startTimestamp, attempt, "NoCredentials");
                throw AwsErrorMessages.NoCredentials(
                    iamService, action, new CredentialsUnavailableException("The AWS credentials could not be obtained.", ex));
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or IOException)
            {
                failure = new Failure(new(EvidenceFailureKind.Unavailable, RetryClass.Transient), "NetworkError", null, null, ex);
            }

            if (failure.Classification.Retry == RetryClass.Throttle)
            {
                AwsMetrics.Throttled(iamService, action);
            }

            if (failure.Classification.Retry == RetryClass.None || attempt >= retry.MaxAttempts)
            {
                CallRecorder.Record(time, iamService, action, started, startTimestamp, attempt, failure.Outcome);
                throw failure.Exception is { } network
                    ? AwsErrorMessages.Unreachable(iamService, action, endpoint, attempt, network)
                    : AwsErrorMessages.ServiceError(
                        failure.Classification.Kind, iamService, action, failure.Outcome, failure.Status, failure.Message, attempt);
            }

            var delay = retry.DelayBefore(attempt);
            AwsLog.Retrying(logger, iamService, action, failure.Outcome, attempt, delay.TotalMilliseconds);
            try
            {
                await Task.Delay(delay, time, cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                CallRecorder.Record(time, iamService, action, started, startTimestamp, attempt, "cancelled");
                throw;
            }
        }
    }

    /// <summary>Sends a paginated request, following <paramref name="responseToken"/> into <paramref name="requestToken"/>
    /// until it is absent; returns each page's result element.</summary>
    public async Task<IReadOnlyList<XElement>> SendAllPagesAsync(
        string action, QueryParameters parameters, string requestToken, string responseToken, CancellationToken cancellationToken)
    {
        var pages = new List<XElement>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        string? token = null;
        do
        {
            var page = token is null ? parameters : parameters.Copy().Add(requestToken, token);
            var result = await SendAsync(action, page, cancellationToken).ConfigureAwait(false);
            pages.Add(result);
            token = result.TextOrNull(responseToken);
            if (token is not null && !seen.Add(token))
            {
                throw new EvidenceException(
                    EvidenceFailureKind.Unavailable, iamService, action, null,
                    $"AWS returned the same {responseToken} twice for {iamService}:{action}; the listing was stopped to avoid a loop.");
            }

            if (token is not null && pages.Count >= MaxPages)
            {
                throw new EvidenceException(
                    EvidenceFailureKind.Unavailable, iamService, action, null,
                    $"{iamService}:{action} returned more than {MaxPages} pages; the listing was stopped.");
            }
        }
        while (token is not null);

        return pages;
    }

    private async Task<(int Status, string Body)> SendOnceAsync(string body, CancellationToken cancellationToken)
    {
        using var slot = await limiter.EnterAsync(cancellationToken).ConfigureAwait(false);
        using var request = new HttpRequestMessage(HttpMethod.Post, endpoint)
        {
            Content = new StringContent(body, Encoding.UTF8, ContentType),
        };
        using var response = await http.SendAsync(request, HttpCompletionOption.ResponseContentRead, cancellationToken).ConfigureAwait(false);
        var text = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        return ((int)response.StatusCode, text);
    }

    private XElement ParseResult(string action, string text, int attempts, DateTimeOffset started, long startTimestamp)
    {
        try
        {
            return QueryXml.ResultOf(QueryXml.Parse(text), action);
        }
        catch (XmlException ex)
        {
            CallRecorder.Record(time, iamService, action, started, startTimestamp, attempts, "MalformedResponse");
            throw new EvidenceException(
                EvidenceFailureKind.Unavailable, iamService, action, "MalformedResponse",
                $"AWS answered {iamService}:{action} with a body that is not XML ({ex.Message}).");
        }
    }

    private sealed record Failure(AwsErrorClassification Classification, string Outcome, int? Status, string? Message, Exception? Exception);
}
