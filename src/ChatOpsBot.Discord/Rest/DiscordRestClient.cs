using System.Net;
using System.Net.Http.Headers;
using System.Reflection;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using ChatOpsBot.Discord.Configuration;
using ChatOpsBot.Discord.Telemetry;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace ChatOpsBot.Discord.Rest;

/// <summary>
/// Discord's REST API over HttpClient (reference §2, §4). The bot token goes only on bot routes (channels,
/// application commands), never on interaction-token routes; errors and logs name the route template, never a
/// token. Rate limits are honoured before sending (buckets, global block, 50/s for bot routes) and 429s are
/// retried after <c>retry_after</c>, a bounded number of times.
/// </summary>
internal sealed partial class DiscordRestClient : IDiscordRestClient
{
    /// <summary>Retries after a 429 before giving up with a <see cref="DiscordApiException"/> (status 429).</summary>
    public const int MaxRateLimitRetries = 5;

    private const string Redacted = "[redacted]";

    private static readonly MediaTypeHeaderValue JsonMediaType = new("application/json");
    private static readonly int[] MessageCallbackTypes = [4, 7];
    private static readonly string UserAgent = BuildUserAgent();

    private readonly HttpClient _http;
    private readonly DiscordOptions _options;
    private readonly Uri _baseAddress;
    private readonly DiscordRateLimiter _limits;
    private readonly ILogger _logger;

    public DiscordRestClient(HttpClient http, IOptions<DiscordOptions> options, TimeProvider time, ILogger<DiscordRestClient>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(time);
        _http = http;
        _options = options.Value;
        var configured = http.BaseAddress ?? _options.ApiBaseUrl;
        _baseAddress = configured.AbsoluteUri.EndsWith('/') ? configured : new Uri(configured.AbsoluteUri + "/");
        _limits = new DiscordRateLimiter(time);
        _logger = logger ?? (ILogger)NullLogger.Instance;
    }

    public async Task CreateInteractionResponseAsync(string interactionId, string interactionToken, int callbackType, DiscordMessagePayload? data, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(interactionId);
        ArgumentException.ThrowIfNullOrEmpty(interactionToken);
        var body = new JsonObject { ["type"] = callbackType };
        IReadOnlyList<DiscordFile> files = [];
        if (data is not null)
        {
            var json = MessageJson(data, addAllowedMentions: MessageCallbackTypes.Contains(callbackType));
            body["data"] = json;
            files = data.Files;
        }

        await SendAsync(DiscordRoute.InteractionCallback(interactionId, interactionToken), body, files, cancellationToken).ConfigureAwait(false);
    }

    public async Task<DiscordMessageRef> EditOriginalResponseAsync(string interactionToken, DiscordMessagePayload payload, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(interactionToken);
        var route = DiscordRoute.EditOriginal(ApplicationId(), interactionToken);
        return MessageRef(route, await SendMessageAsync(route, payload, cancellationToken).ConfigureAwait(false));
    }

    public async Task<DiscordMessageRef> CreateFollowupAsync(string interactionToken, DiscordMessagePayload payload, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(interactionToken);
        var route = DiscordRoute.CreateFollowup(ApplicationId(), interactionToken);
        return MessageRef(route, await SendMessageAsync(route, payload, cancellationToken).ConfigureAwait(false));
    }

    public async Task<DiscordMessageRef> EditChannelMessageAsync(string channelId, string messageId, DiscordMessagePayload payload, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(channelId);
        ArgumentException.ThrowIfNullOrEmpty(messageId);
        var route = DiscordRoute.EditChannelMessage(channelId, messageId);
        return MessageRef(route, await SendMessageAsync(route, payload, cancellationToken).ConfigureAwait(false));
    }

    public async Task<DiscordMessageRef> CreateChannelMessageAsync(string channelId, DiscordMessagePayload payload, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(channelId);
        var route = DiscordRoute.CreateChannelMessage(channelId);
        return MessageRef(route, await SendMessageAsync(route, payload, cancellationToken).ConfigureAwait(false));
    }

    public async Task<JsonArray> OverwriteCommandsAsync(string? guildId, JsonArray commands, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(commands);
        var route = DiscordRoute.OverwriteCommands(ApplicationId(), string.IsNullOrEmpty(guildId) ? null : guildId);
        var response = await SendAsync(route, commands.DeepClone(), [], cancellationToken).ConfigureAwait(false);
        return response as JsonArray
            ?? throw new DiscordApiException(200, null, $"{route.Template} answered without the list of registered commands.");
    }

    private Task<JsonNode?> SendMessageAsync(DiscordRoute route, DiscordMessagePayload payload, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(payload);
        return SendAsync(route, MessageJson(payload, addAllowedMentions: true), payload.Files, cancellationToken);
    }

    /// <summary>A copy of the payload's JSON with <c>allowed_mentions: {"parse": []}</c> when it sets none and an
    /// <c>attachments</c> entry for every file it uploads (ids 0..n-1, matching <c>files[n]</c>).</summary>
    private static JsonObject MessageJson(DiscordMessagePayload payload, bool addAllowedMentions)
    {
        var json = (JsonObject)payload.Json.DeepClone();
        if (addAllowedMentions && !json.ContainsKey("allowed_mentions"))
        {
            json["allowed_mentions"] = new JsonObject { ["parse"] = new JsonArray() };
        }

        if (payload.Files.Count > 0)
        {
            if (json["attachments"] is not JsonArray attachments)
            {
                attachments = [];
                json["attachments"] = attachments;
            }

            var referenced = attachments.OfType<JsonObject>().Select(a => a["id"]?.ToJsonString().Trim('"')).ToHashSet(StringComparer.Ordinal);
            for (var i = 0; i < payload.Files.Count; i++)
            {
                if (!referenced.Contains(i.ToString(System.Globalization.CultureInfo.InvariantCulture)))
                {
                    attachments.Add(new JsonObject { ["id"] = i, ["filename"] = SafeFileName(payload.Files[i].FileName) });
                }
            }
        }

        return json;
    }

    /// <summary>Sends with rate limiting and 429 retries; returns the parsed response body (null when empty).</summary>
    private async Task<JsonNode?> SendAsync(DiscordRoute route, JsonNode body, IReadOnlyList<DiscordFile> files, CancellationToken cancellationToken)
    {
        var json = Encoding.UTF8.GetBytes(body.ToJsonString());
        var bucket = _limits.BucketFor(route);
        await bucket.Gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            for (var attempt = 0; ; attempt++)
            {
                await WaitForCapacityAsync(route, bucket, cancellationToken).ConfigureAwait(false);

                using var request = BuildRequest(route, json, files);
                using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseContentRead, cancellationToken).ConfigureAwait(false);
                var responseBody = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
                _limits.Update(route, bucket, response.Headers);
                var status = (int)response.StatusCode;
                DiscordMetrics.Request(route.Template, status);

                if (response.StatusCode == HttpStatusCode.TooManyRequests)
                {
                    var (retryAfter, global, scope) = RateLimitOf(response, responseBody);
                    DiscordMetrics.Limited(route.Template, scope ?? (global ? "global" : "user"));
                    if (attempt >= MaxRateLimitRetries)
                    {
                        LogGaveUp(_logger, route.Template, attempt + 1);
                        throw Error(route, status, responseBody, $"still rate limited after {attempt + 1} attempts");
                    }

                    if (global)
                    {
                        _limits.BlockGlobal(retryAfter);
                    }
                    else
                    {
                        DiscordRateLimiter.Exhaust(bucket, _limits.Now + retryAfter);
                    }

                    LogRateLimited(_logger, route.Template, scope ?? (global ? "global" : "route"), global, (long)retryAfter.TotalMilliseconds, attempt + 1);
                    await _limits.DelayAsync(retryAfter, cancellationToken).ConfigureAwait(false);
                    continue;
                }

                if (!response.IsSuccessStatusCode)
                {
                    var error = Error(route, status, responseBody, detail: null);
                    LogFailed(_logger, route.Template, status, error.Code);
                    throw error;
                }

                LogSent(_logger, route.Template, status);
                return responseBody.Length == 0 ? null : ParseOrNull(responseBody);
            }
        }
        finally
        {
            bucket.Gate.Release();
        }
    }

    /// <summary>Waits while the bucket is exhausted, then (bot routes only) for the global block and a slot in the
    /// 50/s window. Loops because a global 429 on another route can arrive while this one waits.</summary>
    private async Task WaitForCapacityAsync(DiscordRoute route, RateLimitBucket bucket, CancellationToken cancellationToken)
    {
        while (true)
        {
            var bucketDelay = bucket.DelayAt(_limits.Now);
            if (bucketDelay > TimeSpan.Zero)
            {
                LogBucketWait(_logger, route.Template, bucket.Name, (long)bucketDelay.TotalMilliseconds);
                await _limits.DelayAsync(bucketDelay, cancellationToken).ConfigureAwait(false);
                continue;
            }

            if (!route.UsesBotToken)
            {
                return;
            }

            var globalDelay = _limits.TryTakeGlobalSlot();
            if (globalDelay == TimeSpan.Zero)
            {
                return;
            }

            LogGlobalWait(_logger, route.Template, (long)globalDelay.TotalMilliseconds);
            await _limits.DelayAsync(globalDelay, cancellationToken).ConfigureAwait(false);
        }
    }

    private HttpRequestMessage BuildRequest(DiscordRoute route, byte[] json, IReadOnlyList<DiscordFile> files)
    {
        var request = new HttpRequestMessage(route.Method, new Uri(_baseAddress, route.Path));
        request.Headers.TryAddWithoutValidation("User-Agent", UserAgent);
        if (route.UsesBotToken)
        {
            var token = _options.BotToken;
            if (string.IsNullOrWhiteSpace(token))
            {
                request.Dispose();
                throw new InvalidOperationException("Discord:BotToken is missing: create one in the Developer Portal (Bot, Reset Token) and pass it as the environment variable Discord__BotToken.");
            }

            request.Headers.Authorization = new AuthenticationHeaderValue("Bot", token);
        }

        var jsonContent = new ByteArrayContent(json);
        jsonContent.Headers.ContentType = JsonMediaType;
        if (files.Count == 0)
        {
            request.Content = jsonContent;
            return request;
        }

        var multipart = new MultipartFormDataContent();
        jsonContent.Headers.ContentDisposition = new ContentDispositionHeaderValue("form-data") { Name = "\"payload_json\"" };
        multipart.Add(jsonContent);
        for (var i = 0; i < files.Count; i++)
        {
            var file = files[i];
            var part = new ReadOnlyMemoryContent(file.Content);
            part.Headers.ContentType = MediaTypeHeaderValue.TryParse(file.ContentType, out var type) ? type : new MediaTypeHeaderValue("application/octet-stream");
            part.Headers.ContentDisposition = new ContentDispositionHeaderValue("form-data")
            {
                Name = $"\"files[{i}]\"",
                FileName = $"\"{SafeFileName(file.FileName)}\"",
            };
            multipart.Add(part);
        }

        request.Content = multipart;
        return request;
    }

    private string ApplicationId() =>
        string.IsNullOrWhiteSpace(_options.ApplicationId)
            ? throw new InvalidOperationException("Discord:ApplicationId is missing: copy the Application ID from the Developer Portal (General Information).")
            : _options.ApplicationId;

    private static DiscordMessageRef MessageRef(DiscordRoute route, JsonNode? body)
    {
        if (body is JsonObject message
            && Text(message["id"]) is { } id
            && Text(message["channel_id"]) is { } channelId)
        {
            return new DiscordMessageRef(id, channelId);
        }

        throw new DiscordApiException(200, null, $"{route.Template} answered without the message's id and channel_id.");
    }

    private static (TimeSpan RetryAfter, bool Global, string? Scope) RateLimitOf(HttpResponseMessage response, byte[] body)
    {
        var json = ParseOrNull(body) as JsonObject;
        var retryAfter = Seconds(json?["retry_after"])
            ?? response.Headers.RetryAfter?.Delta
            ?? DiscordRateLimiter.Seconds(DiscordRateLimiter.Header(response.Headers, "Retry-After"))
            ?? DiscordRateLimiter.Seconds(DiscordRateLimiter.Header(response.Headers, "X-RateLimit-Reset-After"))
            ?? TimeSpan.FromSeconds(1);
        var global = string.Equals(DiscordRateLimiter.Header(response.Headers, "X-RateLimit-Global"), "true", StringComparison.OrdinalIgnoreCase)
            || (json?["global"] is JsonValue g && g.TryGetValue<bool>(out var flag) && flag);
        return (retryAfter, global, DiscordRateLimiter.Header(response.Headers, "X-RateLimit-Scope"));
    }

    /// <summary>The error for a failed call: route template, status, Discord's code and message (with the first
    /// field errors of a 50035), and every token that could appear in it replaced.</summary>
    private DiscordApiException Error(DiscordRoute route, int status, byte[] body, string? detail)
    {
        var json = ParseOrNull(body) as JsonObject;
        var code = json?["code"] is JsonValue c && c.TryGetValue<int>(out var number) ? number : (int?)null;
        var message = Text(json?["message"]);
        var text = new StringBuilder($"{route.Template} failed with {status}");
        if (detail is not null)
        {
            text.Append(" (").Append(detail).Append(')');
        }

        if (message is not null)
        {
            text.Append(": ").Append(message);
        }

        if (code is not null)
        {
            text.Append(" (code ").Append(code.Value).Append(')');
        }

        if (json?["errors"] is JsonObject errors)
        {
            var fieldErrors = new List<string>();
            CollectFieldErrors(errors, string.Empty, fieldErrors);
            if (fieldErrors.Count > 0)
            {
                text.Append(": ").AppendJoin("; ", fieldErrors);
            }
        }

        return new DiscordApiException(status, code, Redact(text.ToString(), route.SecretInPath));
    }

    private static void CollectFieldErrors(JsonObject node, string path, List<string> into)
    {
        const int MaxFieldErrors = 5;
        foreach (var (name, value) in node)
        {
            if (into.Count >= MaxFieldErrors)
            {
                return;
            }

            if (name == "_errors" && value is JsonArray list)
            {
                foreach (var error in list.OfType<JsonObject>().Take(MaxFieldErrors - into.Count))
                {
                    var what = Text(error["message"]) ?? Text(error["code"]) ?? "invalid";
                    into.Add(path.Length == 0 ? what : $"{path}: {what}");
                }
            }
            else if (value is JsonObject child)
            {
                CollectFieldErrors(child, path.Length == 0 ? name : $"{path}.{name}", into);
            }
        }
    }

    private string Redact(string text, string? secretInPath)
    {
        foreach (var secret in new[] { _options.BotToken, secretInPath })
        {
            if (!string.IsNullOrEmpty(secret))
            {
                text = text.Replace(secret, Redacted, StringComparison.Ordinal);
                var escaped = Uri.EscapeDataString(secret);
                if (escaped != secret)
                {
                    text = text.Replace(escaped, Redacted, StringComparison.Ordinal);
                }
            }
        }

        return text;
    }

    /// <summary>File names go inside a quoted header value: quotes, backslashes, control and non-ASCII characters
    /// become '_'.</summary>
    private static string SafeFileName(string name)
    {
        var safe = string.Create(name.Length, name, static (span, source) =>
        {
            for (var i = 0; i < source.Length; i++)
            {
                var c = source[i];
                span[i] = c is '"' or '\\' or '/' || char.IsControl(c) || c > '~' ? '_' : c;
            }
        });
        return safe.Length == 0 ? "file" : safe;
    }

    private static JsonNode? ParseOrNull(byte[] body)
    {
        if (body.Length == 0)
        {
            return null;
        }

        try
        {
            return JsonNode.Parse(body);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string? Text(JsonNode? node) =>
        node is JsonValue value
            ? value.TryGetValue<string>(out var s) ? s : value.ToJsonString()
            : null;

    private static TimeSpan? Seconds(JsonNode? node) =>
        node is JsonValue value && value.TryGetValue<double>(out var seconds)
            ? DiscordRateLimiter.Seconds(seconds)
            : null;

    private static string BuildUserAgent()
    {
        var version = typeof(DiscordRestClient).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "1.0.0";
        var plus = version.IndexOf('+', StringComparison.Ordinal);
        return $"DiscordBot (https://github.com/chatopsbot/chatopsbot, {(plus > 0 ? version[..plus] : version)})";
    }

    [LoggerMessage(EventId = 2501, Level = LogLevel.Debug, Message = "Discord {Route} answered {Status}")]
    private static partial void LogSent(ILogger logger, string route, int status);

    [LoggerMessage(EventId = 2502, Level = LogLevel.Warning, Message = "Discord {Route} failed with {Status} (code {Code})")]
    private static partial void LogFailed(ILogger logger, string route, int status, int? code);

    [LoggerMessage(EventId = 2503, Level = LogLevel.Information, Message = "Discord {Route} waits {DelayMs} ms: rate-limit bucket {Bucket} is exhausted")]
    private static partial void LogBucketWait(ILogger logger, string route, string bucket, long delayMs);

    [LoggerMessage(EventId = 2504, Level = LogLevel.Information, Message = "Discord {Route} waits {DelayMs} ms for the global rate limit")]
    private static partial void LogGlobalWait(ILogger logger, string route, long delayMs);

    [LoggerMessage(EventId = 2505, Level = LogLevel.Warning, Message = "Discord {Route} was rate limited ({Scope}, global {Global}); retrying in {DelayMs} ms (attempt {Attempt})")]
    private static partial void LogRateLimited(ILogger logger, string route, string scope, bool global, long delayMs, int attempt);

    [LoggerMessage(EventId = 2506, Level = LogLevel.Error, Message = "Discord {Route} is still rate limited after {Attempts} attempts; giving up")]
    private static partial void LogGaveUp(ILogger logger, string route, int attempts);
}
