namespace ChatOpsBot.Discord.Tests.Support;

/// <summary>What the fake Discord API answers: status, JSON body (may be empty) and extra headers.</summary>
internal sealed record CannedResponse(int Status, string Body, IReadOnlyDictionary<string, string>? Headers = null)
{
    public static CannedResponse Message(string id = "1100000000000000001", string channelId = "1000000000000000002") =>
        new(200, $$"""{"id":"{{id}}","channel_id":"{{channelId}}","content":"ok","type":0}""");

    public static CannedResponse NoContent { get; } = new(204, string.Empty);

    public static CannedResponse TooManyRequests(double retryAfter, bool global = false, IReadOnlyDictionary<string, string>? headers = null) =>
        new(429, $$"""{"message":"You are being rate limited.","retry_after":{{retryAfter.ToString(System.Globalization.CultureInfo.InvariantCulture)}},"global":{{(global ? "true" : "false")}}}""", headers);
}
