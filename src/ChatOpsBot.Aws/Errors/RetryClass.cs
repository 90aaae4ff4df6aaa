namespace ChatOpsBot.Aws.Errors;

/// <summary>Whether an AWS failure is worth another attempt.</summary>
internal enum RetryClass
{
    None,
    Throttle,
    Transient,
}
