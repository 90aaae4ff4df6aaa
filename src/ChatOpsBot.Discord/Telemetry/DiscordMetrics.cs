using System.Diagnostics.Metrics;
using ChatOpsBot.Runbooks.Telemetry;

namespace ChatOpsBot.Discord.Telemetry;

/// <summary>What the Discord adapter records: interactions received, REST requests and the 429s among them.</summary>
internal static class DiscordMetrics
{
    public static readonly Counter<long> Interactions = ChatOpsTelemetry.Meter.CreateCounter<long>(
        "chatopsbot.discord.interactions", "{interaction}", "Signed interactions received, by type (ping, application_command, autocomplete, message_component...).");

    public static readonly Counter<long> Requests = ChatOpsTelemetry.Meter.CreateCounter<long>(
        "chatopsbot.discord.requests", "{request}", "HTTP requests sent to Discord's REST API, by route template (no ids or tokens) and status.");

    public static readonly Counter<long> RateLimited = ChatOpsTelemetry.Meter.CreateCounter<long>(
        "chatopsbot.discord.rate_limited", "{response}", "429 answers from Discord, by route template and scope (user, global, shared).");

    public static void Request(string route, int status) =>
        Requests.Add(1, new KeyValuePair<string, object?>("route", route), new KeyValuePair<string, object?>("status", status));

    public static void Limited(string route, string scope) =>
        RateLimited.Add(1, new KeyValuePair<string, object?>("route", route), new KeyValuePair<string, object?>("scope", scope));
}
