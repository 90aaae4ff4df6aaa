using System.Net;
using Amazon.Runtime;
using ChatOpsBot.Aws.Configuration;
using ChatOpsBot.Aws.Errors;
using ChatOpsBot.Aws.Query;
using ChatOpsBot.Runbooks.Evidence;

namespace ChatOpsBot.Aws.Sdk;

/// <summary>Runs AWS SDK calls for one service: concurrency bound, one <see cref="EvidenceCall"/> per request (page),
/// SDK exceptions mapped to <see cref="EvidenceException"/> with the same table as the query clients.
/// Retries are the SDK's own (standard mode, bounded attempts).</summary>
internal sealed class SdkCallRunner(string iamService, Uri? endpoint, ServiceLimiter limiter, TimeProvider time)
{
    public string IamService => iamService;

    public async Task<T> RunAsync<T>(string operation, Func<CancellationToken, Task<T>> call, CancellationToken cancellationToken)
    {
        using var slot = await limiter.EnterAsync(cancellationToken).ConfigureAwait(false);
        var started = time.GetUtcNow();
        var startTimestamp = time.GetTimestamp();
        var attempts = AttemptCounter.Begin(iamService, operation);
        int Attempts() => Math.Max(1, attempts.Count);
        try
        {
            var result = await call(cancellationToken).ConfigureAwait(false);
            CallRecorder.Record(time, iamService, operation, started, startTimestamp, Attempts(), "ok");
            return result;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            CallRecorder.Record(time, iamService, operation, started, startTimestamp, Attempts(), "cancelled");
            throw;
        }
        catch (Exception ex) when (CredentialsUnavailableException.Find(ex) is { } missing)
        {
            CallRecorder.Record(time, iamService, operation, started, startTimestamp, Attempts(), "NoCredentials");
            throw AwsErrorMessages.NoCredentials(iamService, operation, missing);
        }
        catch (AmazonServiceException ex)
        {
            var status = ex.StatusCode == 0 ? (int?)null : (int)ex.StatusCode;
            var classification = AwsErrorClassifier.Classify(ex.ErrorCode, status);
            var outcome = ex.ErrorCode ?? (status?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "NetworkError");
            CallRecorder.Record(time, iamService, operation, started, startTimestamp, Attempts(), outcome);
            if (ex.ErrorCode is null && status is null && ex.InnerException is { } inner)
            {
                throw AwsErrorMessages.Unreachable(iamService, operation, endpoint ?? new Uri($"https://{iamService}.amazonaws.com/"), Attempts(), inner);
            }

            throw AwsErrorMessages.ServiceError(classification.Kind, iamService, operation, ex.ErrorCode, status, ex.Message, Attempts());
        }
        catch (Exception ex) when (ex is AmazonClientException or HttpRequestException or TaskCanceledException or IOException or WebException)
        {
            var credentialProblem = ex is AmazonClientException && ex.Message.Contains("credential", StringComparison.OrdinalIgnoreCase);
            CallRecorder.Record(time, iamService, operation, started, startTimestamp, Attempts(), credentialProblem ? "NoCredentials" : "NetworkError");
            if (credentialProblem)
            {
                throw AwsErrorMessages.NoCredentials(
                    iamService, operation, new CredentialsUnavailableException("The AWS credentials could not be obtained.", ex));
            }

            throw AwsErrorMessages.Unreachable(iamService, operation, endpoint ?? new Uri($"https://{iamService}.amazonaws.com/"), Attempts(), ex);
        }
    }

    /// <summary>Follows <c>NextToken</c> until it is absent (bounded), returning every page's items.</summary>
    public async Task<List<TItem>> PageAsync<TResponse, TItem>(
        string operation,
        Func<string?, CancellationToken, Task<TResponse>> call,
        Func<TResponse, string?> nextToken,
        Func<TResponse, IEnumerable<TItem>?> items,
        CancellationToken cancellationToken)
    {
        var all = new List<TItem>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        string? token = null;
        var pages = 0;
        do
        {
            var current = token;
            var response = await RunAsync(operation, ct => call(current, ct), cancellationToken).ConfigureAwait(false);
            pages++;
            all.AddRange(items(response) ?? []);
            token = nextToken(response);
            if (string.IsNullOrEmpty(token))
            {
                break;
            }

            if (!seen.Add(token) || pages >= AwsQueryClient.MaxPages)
            {
                throw new EvidenceException(
                    EvidenceFailureKind.Unavailable, iamService, operation, null,
                    $"{iamService}:{operation} kept returning pages ({pages}); the listing was stopped.");
            }
        }
        while (true);

        return all;
    }
}
