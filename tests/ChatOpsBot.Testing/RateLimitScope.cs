namespace ChatOpsBot.Testing;

/// <summary>The <c>X-RateLimit-Scope</c> of an injected 429.</summary>
public enum RateLimitScope
{
    /// <summary>The route's bucket is exhausted for this bot (full bucket headers, <c>global: false</c>).</summary>
    User,

    /// <summary>The bot's global limit (<c>X-RateLimit-Global: true</c>, <c>global: true</c>, no bucket headers).</summary>
    Global,

    /// <summary>A shared resource limit (does not count towards the invalid-request ban).</summary>
    Shared,
}
