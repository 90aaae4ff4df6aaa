using System.Text.Json.Nodes;

namespace ChatOpsBot.Testing;

/// <summary>Settings of a <see cref="FakeDiscord"/>. Every property has a sensible default; a test usually sets only
/// <see cref="TimeProvider"/> (to age tokens) and perhaps <see cref="AdditionalMessageValidator"/>.</summary>
public sealed class FakeDiscordOptions
{
    /// <summary>The clock for Discord's rules (3 s initial-response deadline, 15 min token lifetime), for snowflakes,
    /// signature timestamps and rate-limit windows. Use a FakeTimeProvider to age tokens without waiting.</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>The application (and bot user) id. A fresh snowflake when null.</summary>
    public string? ApplicationId { get; set; }

    /// <summary>The bot token expected in <c>Authorization: Bot …</c>. Random when null.</summary>
    public string? BotToken { get; set; }

    /// <summary>How long the initial response may take (Discord: 3 s). Applies to REST callbacks (measured on
    /// <see cref="TimeProvider"/>) and to the HTTP reply (measured on the wall clock: it is a real HTTP exchange).</summary>
    public TimeSpan InitialResponseDeadline { get; set; } = TimeSpan.FromSeconds(3);

    /// <summary>How long an interaction token may be used on the webhook routes (Discord: 15 min).</summary>
    public TimeSpan TokenLifetime { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>How long <see cref="FakeDiscord.SendAsync(Uri, JsonObject, CancellationToken)"/> waits for the bot's
    /// HTTP reply before giving up (a safety bound; lateness is judged by <see cref="InitialResponseDeadline"/>).</summary>
    public TimeSpan SendTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Requests per rate-limit window reported in <c>X-RateLimit-Limit</c> on successful calls.</summary>
    public int BucketLimit { get; set; } = 5;

    /// <summary>The length of a rate-limit window (reported through X-RateLimit-Reset/Reset-After).</summary>
    public TimeSpan BucketWindow { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>When true, a request beyond <see cref="BucketLimit"/> within one window gets a real 429 (scope user),
    /// like Discord. Off by default so that tests are not timing-dependent; injected 429s
    /// (<see cref="FakeDiscord.RateLimitNext"/>) work either way.</summary>
    public bool EnforceBucketLimits { get; set; }

    /// <summary>An extra check run on every message payload (e.g. the bot's own DiscordMessageValidator.Violations).
    /// Its findings are recorded in <see cref="RecordedCall.Violations"/> prefixed with "validator:" and never cause a
    /// rejection: the fake's own limit checks decide what Discord rejects.</summary>
    public Func<JsonObject, IReadOnlyList<string>>? AdditionalMessageValidator { get; set; }
}
