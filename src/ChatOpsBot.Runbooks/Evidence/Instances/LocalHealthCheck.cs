namespace ChatOpsBot.Runbooks.Evidence.Instances;

/// <summary>The health-check request made on the instance to 127.0.0.1 with the load balancer's Host header.</summary>
/// <param name="StatusCode">The HTTP status, or null when no response came.</param>
/// <param name="Error">Why no response came: refused, timeout, or the client's message.</param>
/// <param name="ElapsedMilliseconds">How long the request took, when measured.</param>
/// <param name="HostHeader">The Host header sent.</param>
public sealed record LocalHealthCheck(int? StatusCode, string? Error, long? ElapsedMilliseconds, string? HostHeader)
{
    public bool TimedOut => Error == TimeoutError;

    public bool Refused => Error == RefusedError;

    /// <summary>The instance has neither curl nor wget, so the health path was not asked.</summary>
    public bool NotAsked => Error == NoClientError;

    public const string NoClientError = "no-client";

    public const string TimeoutError = "timeout";

    public const string RefusedError = "refused";
}
