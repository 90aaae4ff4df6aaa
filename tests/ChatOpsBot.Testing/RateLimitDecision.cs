using System.Text.Json.Nodes;

namespace ChatOpsBot.Testing;

/// <summary>What the rate-limit book says about one request: the headers to send and, when limited, the 429 body.</summary>
internal sealed record RateLimitDecision(IReadOnlyList<KeyValuePair<string, string>> Headers, JsonObject? TooManyRequests);
