namespace ChatOpsBot.Cli;

/// <summary>Process exit codes (documented in the README).</summary>
public static class ExitCodes
{
    /// <summary>The runbook ran to its end, whatever it found.</summary>
    public const int Diagnosed = 0;

    /// <summary>An unexpected failure (a bug): the message says what happened.</summary>
    public const int Failure = 1;

    /// <summary>Bad input: usage error, malformed ARN, unknown load balancer.</summary>
    public const int BadInput = 2;

    /// <summary>AWS could not be used: no credentials or region, access denied on the first call, unreachable.</summary>
    public const int AwsAccess = 3;

    /// <summary>The load balancer exists but its type is not supported by the runbook (Classic, Gateway).</summary>
    public const int Unsupported = 4;

    /// <summary>Interrupted (Ctrl+C).</summary>
    public const int Cancelled = 130;
}
