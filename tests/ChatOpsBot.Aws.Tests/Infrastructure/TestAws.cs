using Amazon.Runtime;
using ChatOpsBot.Aws.Configuration;
using ChatOpsBot.Aws.Query;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace ChatOpsBot.Aws.Tests.Infrastructure;

/// <summary>Test credentials and ways to point the adapter at a <see cref="FakeAwsServer"/>.</summary>
public static class TestAws
{
    public const string AccessKeyId = "AKIAIOSFODNN7EXAMPLE";
    public const string SecretKey = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";
    public const string SessionToken = "FwoGZXIvYXdzEXAMPLESESSIONTOKENabcdefghijklmnopqrstuvwxyz0123456789";
    public const string Region = "us-west-2";

    public static AWSCredentials Credentials { get; } = new SessionAWSCredentials(AccessKeyId, SecretKey, SessionToken);

    public static AwsConnectionSettings Settings(Uri endpoint, int maxAttempts = 4) => new()
    {
        Region = Region,
        Credentials = Credentials,
        MaxAttempts = maxAttempts,
        Endpoints = Enum.GetValues<AwsService>().ToDictionary(s => s, _ => endpoint),
    };

    public static AwsEvidenceSet Create(FakeAwsServer server, TimeProvider? time = null, int maxAttempts = 4) =>
        AwsEvidence.Create(Settings(server.Uri, maxAttempts), time ?? TimeProvider.System, environment: _ => null);

    /// <summary>A query client with a deterministic jitter (the upper bound of every backoff window).</summary>
    internal static AwsQueryClient QueryClient(
        FakeAwsServer server, TimeProvider time, string signingName = "elasticloadbalancing", string iamService = "elasticloadbalancing",
        string version = "2015-12-01", int maxAttempts = 4, int maxConcurrency = 32)
    {
        var http = new HttpClient(new Amazon.Runtime.Signing.SigV4SigningHandler(
            Credentials, Amazon.RegionEndpoint.GetBySystemName(Region), signingName, new SocketsHttpHandler()));
        return new AwsQueryClient(
            http, server.Uri, iamService, version, new ServiceLimiter(maxConcurrency),
            new QueryRetryPolicy(maxAttempts, QueryRetryPolicy.DefaultBase, QueryRetryPolicy.DefaultCap, () => 1.0),
            time, NullLogger.Instance);
    }

    /// <summary>Advances fake time in steps until the task completes (bounded), letting real I/O run in between.</summary>
    public static async Task<T> DriveAsync<T>(Task<T> task, FakeTimeProvider time, TimeSpan? step = null)
    {
        for (var i = 0; i < 2000 && !task.IsCompleted; i++)
        {
            await Task.WhenAny(task, Task.Delay(5));
            if (!task.IsCompleted)
            {
                time.Advance(step ?? TimeSpan.FromMilliseconds(100));
            }
        }

        return await task;
    }
}
