namespace ChatOpsBot.Discord.Rest;

/// <summary>Discord answered an error (after rate-limit retries). The message never contains a token.</summary>
public sealed class DiscordApiException(int status, int? code, string message) : Exception(message)
{
    public int Status { get; } = status;

    /// <summary>Discord's JSON error code (for example 10062 Unknown interaction, 40060 already acknowledged).</summary>
    public int? Code { get; } = code;
}
