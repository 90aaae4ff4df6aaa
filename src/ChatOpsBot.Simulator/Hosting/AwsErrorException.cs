namespace ChatOpsBot.Simulator.Hosting;

/// <summary>An AWS error to answer with, written in the calling protocol's error format.</summary>
internal sealed class AwsErrorException(string code, string message, int statusCode = 400) : Exception(message)
{
    public string Code { get; } = code;

    public int StatusCode { get; } = statusCode;
}
