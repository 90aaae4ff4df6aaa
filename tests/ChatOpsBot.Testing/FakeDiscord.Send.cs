using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using NSec.Cryptography;

namespace ChatOpsBot.Testing;

/// <summary>Discord's side of HTTP interactions: signing, delivering, and judging the bot's reply.</summary>
public sealed partial class FakeDiscord
{
    private const string DiscordUserAgent = "Discord-Interactions/1.0 (+https://discord.com)";

    /// <summary>Signs <paramref name="interaction"/> (timestamp = now on the fake's clock) and POSTs it to the bot, like
    /// Discord. The bot's HTTP reply is judged as the interaction's initial callback (deadline, single
    /// acknowledgement, limits) and recorded. Never throws for a bad reply: inspect the returned
    /// <see cref="InteractionReply"/>. Throws only if the bot cannot be reached.</summary>
    public Task<InteractionReply> SendAsync(Uri botInteractionsUrl, JsonObject interaction, CancellationToken cancellationToken = default) =>
        SendCoreAsync(botInteractionsUrl, interaction, fault: null, staleBy: null, cancellationToken);

    /// <summary>Delivers an interaction that was already sent once more (same id, token and body; fresh valid
    /// signature), as a retrying Discord might. <see cref="InteractionReply.Duplicate"/> is set; a reply that tries to
    /// acknowledge it again is reported in <see cref="InteractionReply.Violations"/>.</summary>
    public Task<InteractionReply> SendDuplicateAsync(Uri botInteractionsUrl, JsonObject interaction, CancellationToken cancellationToken = default)
    {
        var id = MessageRules.Str(interaction["id"]);
        lock (_gate)
        {
            if (id is null || !_interactions.TryGetValue(id, out var state) || state.SentAt is null)
            {
                throw new InvalidOperationException("SendDuplicateAsync needs an interaction that was already sent with SendAsync.");
            }
        }

        return SendCoreAsync(botInteractionsUrl, interaction, fault: null, staleBy: null, cancellationToken);
    }

    /// <summary>Sends a probe with a spoiled signature (Discord's routine security checks do this). A correct bot
    /// answers 401. Probes never register or acknowledge the interaction.</summary>
    public Task<InteractionReply> SendWithBadSignatureAsync(Uri botInteractionsUrl, JsonObject interaction, SignatureFault fault = SignatureFault.FlippedBit, CancellationToken cancellationToken = default) =>
        SendCoreAsync(botInteractionsUrl, interaction, fault, staleBy: null, cancellationToken);

    /// <summary>Sends a correctly signed interaction whose <c>X-Signature-Timestamp</c> is <paramref name="age"/> old
    /// (a replay). A bot with replay protection answers 401. A probe: never registers or acknowledges.</summary>
    public Task<InteractionReply> SendWithStaleTimestampAsync(Uri botInteractionsUrl, JsonObject interaction, TimeSpan age, CancellationToken cancellationToken = default) =>
        SendCoreAsync(botInteractionsUrl, interaction, fault: null, staleBy: age, cancellationToken);

    private async Task<InteractionReply> SendCoreAsync(Uri url, JsonObject interaction, SignatureFault? fault, TimeSpan? staleBy, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(url);
        ArgumentNullException.ThrowIfNull(interaction);
        var probe = fault is not null || staleBy is not null;
        var id = MessageRules.Str(interaction["id"]) ?? throw new ArgumentException("The interaction has no string \"id\".", nameof(interaction));
        var body = Encoding.UTF8.GetBytes(interaction.ToJsonString());
        var now = _time.GetUtcNow();
        string? timestamp = (now - (staleBy ?? TimeSpan.Zero)).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        string? signature = Sign(timestamp, body);
        var sentBody = body;
        switch (fault)
        {
            case SignatureFault.FlippedBit:
                var bytes = Convert.FromHexString(signature);
                bytes[0] ^= 0x01;
                signature = Convert.ToHexStringLower(bytes);
                break;
            case SignatureFault.WrongKey:
                using (var other = Key.Create(SignatureAlgorithm.Ed25519))
                {
                    signature = Convert.ToHexStringLower(SignatureAlgorithm.Ed25519.Sign(other, [.. Encoding.UTF8.GetBytes(timestamp), .. body]));
                }

                break;
            case SignatureFault.BodyChangedAfterSigning:
                sentBody = [.. body, (byte)' '];
                break;
            case SignatureFault.TimestampMismatch:
                timestamp = (now.ToUnixTimeSeconds() + 1).ToString(CultureInfo.InvariantCulture);
                break;
            case SignatureFault.MissingSignature:
                signature = null;
                break;
            case SignatureFault.MissingTimestamp:
                timestamp = null;
                break;
            case SignatureFault.MalformedSignature:
                signature = "not-a-signature";
                break;
        }

        InteractionState? state = null;
        TaskCompletionSource? pending = null;
        var duplicate = false;
        if (!probe)
        {
            lock (_gate)
            {
                state = Register(interaction);
                state.Deliveries++;
                duplicate = state.Deliveries > 1;
                state.SentAt ??= now;
                pending = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                state.PendingReply = pending;
            }
        }

        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new ByteArrayContent(sentBody) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        request.Headers.TryAddWithoutValidation("User-Agent", DiscordUserAgent);
        if (signature is not null)
        {
            request.Headers.TryAddWithoutValidation("X-Signature-Ed25519", signature);
        }

        if (timestamp is not null)
        {
            request.Headers.TryAddWithoutValidation("X-Signature-Timestamp", timestamp);
        }

        var started = TimeProvider.System.GetTimestamp();
        int status;
        string? contentType;
        byte[] replyBody;
        using (var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
        {
            timeout.CancelAfter(_options.SendTimeout);
            try
            {
                using var response = await _botClient.SendAsync(request, HttpCompletionOption.ResponseContentRead, timeout.Token);
                status = (int)response.StatusCode;
                contentType = response.Content.Headers.ContentType?.ToString();
                replyBody = await response.Content.ReadAsByteArrayAsync(timeout.Token);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                status = 0;
                contentType = null;
                replyBody = [];
            }
            catch
            {
                pending?.TrySetResult();
                throw;
            }
        }

        var elapsed = TimeProvider.System.GetElapsedTime(started);
        var parsed = status != 0 && replyBody.Length > 0
            ? await BodyReader.ReadAsync(contentType, replyBody, CancellationToken.None)
            : ParsedBody.Empty;

        lock (_gate)
        {
            var (reply, errorCode) = Judge(id, state, probe, fault, staleBy, duplicate, status, contentType, replyBody, parsed, elapsed);
            _replies.Add(reply);
            Record(sequence => new RecordedCall
            {
                Sequence = sequence,
                At = now,
                Kind = CallKind.InitialReply,
                Method = "REPLY",
                Route = DiscordRoutes.InitialReply,
                Path = url.PathAndQuery,
                InteractionId = id,
                InteractionToken = MessageRules.Str(interaction["token"]),
                Json = parsed.Json?.DeepClone(),
                Files = parsed.Files,
                Status = status,
                Violations = reply.Violations,
                AllowedMentionsOk = reply.AllowedMentionsOk,
                UserAgent = DiscordUserAgent,
                Elapsed = elapsed,
                ErrorCode = errorCode,
            });
            pending?.TrySetResult();
            return reply;
        }
    }

    /// <summary>Under the lock: how Discord would take the bot's reply.</summary>
    private (InteractionReply Reply, int? ErrorCode) Judge(string id, InteractionState? state, bool probe, SignatureFault? fault, TimeSpan? staleBy, bool duplicate, int status, string? contentType, byte[] body, ParsedBody parsed, TimeSpan elapsed)
    {
        var violations = new List<string>();
        var acknowledged = false;
        bool? mentionsOk = null;
        int? errorCode = null;
        var within = elapsed <= _options.InitialResponseDeadline;
        var media = contentType is not null && MediaTypeHeaderValue.TryParse(contentType, out var parsedType) ? parsedType.MediaType : null;
        if (probe)
        {
            if (status is >= 200 and < 300)
            {
                var what = fault?.ToString() ?? $"a timestamp {staleBy?.TotalSeconds:F0} s old";
                violations.Add($"accepted a request with {what} (status {status}); Discord removes endpoints that accept bad signatures");
            }
        }
        else if (status == 0)
        {
            violations.Add($"no reply within {_options.SendTimeout.TotalSeconds:F0} s");
        }
        else if (status == 202)
        {
            // The bot answers (or answered) through POST /interactions/{id}/{token}/callback.
            if (!within)
            {
                violations.Add($"202 after {elapsed.TotalSeconds:F2} s (deadline {_options.InitialResponseDeadline.TotalSeconds:F0} s)");
            }
        }
        else if (status == 200)
        {
            if (!within)
            {
                violations.Add($"reply after {elapsed.TotalSeconds:F2} s (deadline {_options.InitialResponseDeadline.TotalSeconds:F0} s): Discord has already shown \"The application did not respond\"");
            }
            else if (media is not ("application/json" or "multipart/form-data"))
            {
                violations.Add($"reply Content-Type is \"{contentType}\", not application/json: Discord rejects it");
            }
            else if (parsed.Problem != BodyProblem.None || parsed.Json is null)
            {
                violations.Add($"reply body unreadable ({parsed.Problem}: {parsed.Detail ?? "empty"})");
            }
            else if (state!.Acknowledgement != AcknowledgementKind.None)
            {
                violations.Add($"reply acknowledges an interaction already acknowledged by {state.Acknowledgement}{(duplicate ? " (duplicate delivery)" : "")}");
            }
            else
            {
                var outcome = ApplyInitialResponse(state, parsed.Json, parsed, AcknowledgementKind.HttpReply);
                acknowledged = outcome.Status == 204;
                mentionsOk = outcome.AllowedMentionsOk;
                violations.AddRange(outcome.Violations);
                if (!acknowledged)
                {
                    errorCode = outcome.ErrorCode;
                    violations.Add($"Discord would reject this response ({outcome.ErrorCode}) and show \"This interaction failed\"");
                }
            }
        }
        else
        {
            violations.Add($"bot answered {status} to a validly signed interaction");
        }

        return (new InteractionReply
        {
            InteractionId = id,
            InteractionToken = state?.Token,
            StatusCode = status,
            ContentType = contentType,
            Body = body,
            Json = parsed.Json as JsonObject,
            Files = parsed.Files,
            Elapsed = elapsed,
            Acknowledged = acknowledged,
            WithinDeadline = within,
            Probe = probe,
            Duplicate = duplicate,
            Violations = violations,
            AllowedMentionsOk = mentionsOk,
        }, errorCode);
    }

    /// <summary>Under the lock: the state for an interaction payload (created on first sight; builders call this too).</summary>
    private InteractionState Register(JsonObject interaction)
    {
        var id = MessageRules.Str(interaction["id"]) ?? throw new ArgumentException("The interaction has no string \"id\".", nameof(interaction));
        var token = MessageRules.Str(interaction["token"]) ?? throw new ArgumentException("The interaction has no string \"token\".", nameof(interaction));
        var type = MessageRules.Int(interaction["type"]) ?? throw new ArgumentException("The interaction has no numeric \"type\".", nameof(interaction));
        if (_interactions.TryGetValue(id, out var state))
        {
            if (state.Token != token)
            {
                _interactionsByToken.Remove(state.Token);
                state.Token = token;
                _interactionsByToken[token] = state;
            }

            state.Payload = (JsonObject)interaction.DeepClone();
            return state;
        }

        state = new InteractionState
        {
            Id = id,
            Token = token,
            Type = type,
            Payload = (JsonObject)interaction.DeepClone(),
            ChannelId = MessageRules.Str(interaction["channel_id"]),
            ComponentMessageId = MessageRules.Str(MessageRules.Get(interaction["message"], "id")),
        };
        _interactions[id] = state;
        _interactionsByToken[token] = state;
        if (state.ChannelId is not null)
        {
            _channels.Add(state.ChannelId);
        }

        return state;
    }
}
