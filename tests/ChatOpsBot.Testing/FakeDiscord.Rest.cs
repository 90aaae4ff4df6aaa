using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace ChatOpsBot.Testing;

/// <summary>The REST API the bot calls.</summary>
public sealed partial class FakeDiscord
{
    private async Task HandleAsync(HttpContext context)
    {
        var request = context.Request;
        var at = _time.GetUtcNow();
        var method = request.Method.ToUpperInvariant();
        var route = RouteMatch.Parse(method, request.Path.Value ?? "/");
        var pathAndQuery = (request.Path.Value ?? "/") + request.QueryString.Value;
        var relativePath = pathAndQuery.StartsWith(RouteMatch.BasePath, StringComparison.Ordinal) ? pathAndQuery[(RouteMatch.BasePath.Length - 1)..] : pathAndQuery;
        var authorization = request.Headers.Authorization.Count > 0 ? request.Headers.Authorization.ToString() : null;
        var userAgent = request.Headers.UserAgent.Count > 0 ? request.Headers.UserAgent.ToString() : null;
        var cancellationToken = context.RequestAborted;

        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer, cancellationToken);
        var bytes = buffer.ToArray();

        var notes = new List<string>();
        if (userAgent is null || !userAgent.StartsWith("DiscordBot (", StringComparison.Ordinal))
        {
            notes.Add($"User-Agent is not \"DiscordBot ($url, $version)\" (got \"{userAgent}\"); Cloudflare may block such requests");
        }

        RestOutcome? outcome = null;
        IReadOnlyList<KeyValuePair<string, string>> headers = [];
        var parsed = ParsedBody.Empty;
        if (route.Kind == RouteKind.Unknown)
        {
            outcome = new RestOutcome(404, DiscordErrors.NotFound());
        }
        else if (route.Kind == RouteKind.MethodNotAllowed)
        {
            outcome = new RestOutcome(405, DiscordErrors.MethodNotAllowed());
        }
        else if (route.NeedsBotToken && !string.Equals(authorization, "Bot " + BotToken, StringComparison.Ordinal))
        {
            outcome = new RestOutcome(401, DiscordErrors.Unauthorized());
            notes.Add(authorization is null ? "no Authorization header" : "Authorization is not \"Bot <the bot token>\"");
        }
        else
        {
            var decision = _rateLimits.Take(route.Name, route.Major);
            headers = decision.Headers;
            if (decision.TooManyRequests is { } tooMany)
            {
                outcome = new RestOutcome(429, tooMany);
            }
            else
            {
                parsed = await BodyReader.ReadAsync(request.ContentType, bytes, cancellationToken);
                outcome = parsed.Problem switch
                {
                    BodyProblem.InvalidJson => RestOutcome.Error(DiscordErrors.InvalidJson),
                    BodyProblem.TooLarge => RestOutcome.Error(DiscordErrors.RequestEntityTooLarge),
                    BodyProblem.UnsupportedContentType => ContentTypeError(),
                    _ => null,
                };
                if (outcome is null && route.Kind is RouteKind.WebhookFollowup or RouteKind.WebhookMessage)
                {
                    await AwaitPendingReplyAsync(route.B!, cancellationToken);
                }
            }
        }

        RecordedCall call;
        lock (_gate)
        {
            outcome ??= Dispatch(route, method, parsed, request.Query);
            outcome.Violations.AddRange(notes);
            var final = outcome;
            call = Record(sequence => new RecordedCall
            {
                Sequence = sequence,
                At = at,
                Kind = CallKind.Rest,
                Method = method,
                Route = route.Name,
                Path = relativePath,
                InteractionId = final.InteractionId,
                InteractionToken = final.InteractionToken ?? (route.Kind is RouteKind.WebhookFollowup or RouteKind.WebhookMessage ? route.B : route.Kind == RouteKind.InteractionCallback ? route.B : null),
                Json = parsed.Json?.DeepClone(),
                Files = parsed.Files,
                Status = final.Status,
                Response = final.Body?.DeepClone(),
                ErrorCode = final.ErrorCode,
                MessageId = final.MessageId,
                Violations = [.. final.Violations],
                AllowedMentionsOk = final.AllowedMentionsOk,
                Authorization = authorization,
                UserAgent = userAgent,
            });
        }

        var response = context.Response;
        response.StatusCode = outcome.Status;
        foreach (var (name, value) in headers)
        {
            response.Headers[name] = value;
        }

        if (outcome.Body is not null)
        {
            response.ContentType = "application/json";
            await response.WriteAsync(outcome.Body.ToJsonString(), cancellationToken);
        }

        static RestOutcome ContentTypeError()
        {
            var errors = new FormErrors();
            errors.Add("", "CONTENT_TYPE_INVALID", "Expected \"Content-Type\" header to be one of {'application/json', 'application/x-www-form-urlencoded', 'multipart/form-data'}.");
            return RestOutcome.Invalid(errors);
        }
    }

    /// <summary>A webhook call right after the bot's HTTP reply may overtake it on the wire: when the interaction is
    /// not acknowledged yet but its reply is in flight, wait (bounded) until the reply has been judged.</summary>
    private async Task AwaitPendingReplyAsync(string token, CancellationToken cancellationToken)
    {
        Task? pending;
        lock (_gate)
        {
            pending = _interactionsByToken.TryGetValue(token, out var state) && state.Acknowledgement == AcknowledgementKind.None
                ? state.PendingReply?.Task
                : null;
        }

        if (pending is null)
        {
            return;
        }

        try
        {
            await pending.WaitAsync(_options.InitialResponseDeadline + TimeSpan.FromSeconds(1), cancellationToken);
        }
        catch (TimeoutException)
        {
            // Judged as it stands: not acknowledged.
        }
    }

    /// <summary>Under the lock.</summary>
    private RestOutcome Dispatch(RouteMatch route, string method, ParsedBody parsed, IQueryCollection query) => route.Kind switch
    {
        RouteKind.InteractionCallback => Callback(route.A!, route.B!, parsed, IsTrue(query["with_response"])),
        RouteKind.WebhookFollowup => Webhook(route, method, parsed),
        RouteKind.WebhookMessage => Webhook(route, method, parsed),
        RouteKind.ChannelCreateMessage => Channel(route, method, parsed),
        RouteKind.ChannelMessage => Channel(route, method, parsed),
        RouteKind.Commands => Commands(route, method, parsed),
        _ => new RestOutcome(404, DiscordErrors.NotFound()),
    };

    private static bool IsTrue(Microsoft.Extensions.Primitives.StringValues value) =>
        value.Count > 0 && (value[0] == "1" || string.Equals(value[0], "true", StringComparison.OrdinalIgnoreCase));

    private RestOutcome Callback(string id, string token, ParsedBody parsed, bool withResponse)
    {
        if (!_interactions.TryGetValue(id, out var state) || state.Token != token || state.SentAt is null)
        {
            return RestOutcome.Error(DiscordErrors.UnknownInteraction);
        }

        if (state.Acknowledgement != AcknowledgementKind.None)
        {
            var already = RestOutcome.Error(DiscordErrors.AlreadyAcknowledged);
            already.InteractionId = id;
            already.Violations.Add($"second acknowledgement: already acknowledged by {state.Acknowledgement}");
            return already;
        }

        var age = _time.GetUtcNow() - state.SentAt.Value;
        if (age > _options.InitialResponseDeadline)
        {
            var late = RestOutcome.Error(DiscordErrors.UnknownInteraction);
            late.InteractionId = id;
            late.Violations.Add($"callback {age.TotalSeconds:F2} s after the interaction was sent (deadline {_options.InitialResponseDeadline.TotalSeconds:F0} s)");
            return late;
        }

        var outcome = ApplyInitialResponse(state, parsed.Json, parsed, AcknowledgementKind.RestCallback);
        if (outcome.Status != 204 || !withResponse)
        {
            return outcome;
        }

        var interaction = new JsonObject { ["id"] = state.Id, ["type"] = state.Type };
        var resource = new JsonObject { ["type"] = state.InitialResponseType() };
        if (state.OriginalMessageId is { } messageId)
        {
            var message = _messages[messageId];
            interaction["response_message_id"] = messageId;
            interaction["response_message_loading"] = (message.Flags & LoadingFlag) != 0;
            interaction["response_message_ephemeral"] = (message.Flags & Ephemeral) != 0;
            resource["message"] = message.ToJson();
        }

        var rich = new RestOutcome(200, new JsonObject { ["interaction"] = interaction, ["resource"] = resource })
        {
            InteractionId = outcome.InteractionId,
            InteractionToken = outcome.InteractionToken,
            MessageId = outcome.MessageId,
            AllowedMentionsOk = outcome.AllowedMentionsOk,
        };
        rich.Violations.AddRange(outcome.Violations);
        return rich;
    }

    private RestOutcome Webhook(RouteMatch route, string method, ParsedBody parsed)
    {
        var token = route.B!;
        if (route.A != ApplicationId || !_interactionsByToken.TryGetValue(token, out var state) || state.SentAt is null)
        {
            return RestOutcome.Error(DiscordErrors.UnknownWebhook);
        }

        RestOutcome Tag(RestOutcome outcome)
        {
            outcome.InteractionId = state.Id;
            outcome.InteractionToken = token;
            return outcome;
        }

        var age = _time.GetUtcNow() - state.SentAt.Value;
        if (age > _options.TokenLifetime)
        {
            var expired = Tag(RestOutcome.Error(DiscordErrors.InvalidWebhookToken));
            expired.Violations.Add($"interaction token used {age.TotalMinutes:F1} min after the interaction (lifetime {_options.TokenLifetime.TotalMinutes:F0} min)");
            return expired;
        }

        if (state.Acknowledgement == AcknowledgementKind.None)
        {
            var unacknowledged = Tag(RestOutcome.Error(DiscordErrors.UnknownWebhook));
            unacknowledged.Violations.Add("webhook call for an interaction that was never acknowledged (Discord invalidates the token after 3 s)");
            return unacknowledged;
        }

        if (route.Kind == RouteKind.WebhookFollowup)
        {
            return Tag(Followup(state, parsed));
        }

        var isOriginal = route.C == "@original";
        var messageId = isOriginal ? state.OriginalMessageId : route.C;
        if (messageId is null
            || (!isOriginal && messageId != state.OriginalMessageId && !state.Followups.Contains(messageId))
            || !_messages.TryGetValue(messageId, out var message)
            || message.Deleted)
        {
            return Tag(RestOutcome.Error(DiscordErrors.UnknownMessage));
        }

        switch (method)
        {
            case "GET":
                return Tag(new RestOutcome(200, message.ToJson()) { MessageId = message.Id });
            case "DELETE":
                message.Deleted = true;
                state.OriginalTouched |= message.Id == state.OriginalMessageId;
                return Tag(new RestOutcome(204, null) { MessageId = message.Id });
            default:
                var outcome = EditWithPayload(message, parsed);
                if (outcome.Status == 200)
                {
                    state.OriginalTouched |= message.Id == state.OriginalMessageId;
                }

                return Tag(outcome);
        }
    }

    private RestOutcome Followup(InteractionState state, ParsedBody parsed)
    {
        if (parsed.Json is not JsonObject payload)
        {
            return NotAnObject();
        }

        var errors = new FormErrors();
        var violations = new List<string>();
        var mentionsOk = CheckMessagePayload(payload, "", parsed, null, errors, violations);
        RestOutcome Finish(RestOutcome outcome)
        {
            outcome.AllowedMentionsOk = mentionsOk;
            outcome.Violations.AddRange(violations);
            return outcome;
        }

        if (errors.Any)
        {
            return Finish(RestOutcome.Invalid(errors));
        }

        if (MessageRules.IsEmpty(payload, parsed.Files.Count))
        {
            return Finish(RestOutcome.Error(DiscordErrors.CannotSendEmptyMessage));
        }

        var original = state.OriginalMessageId is { } oid ? _messages[oid] : null;
        if (state.InitialResponseType() == 5 && !state.OriginalTouched && original is { Deleted: false } && (original.Flags & LoadingFlag) != 0)
        {
            // Documented, deprecated: the first follow-up after a deferral edits the loading message.
            if (!EditMessage(original, payload, parsed, "", errors, apply: true))
            {
                return Finish(RestOutcome.Invalid(errors));
            }

            state.OriginalTouched = true;
            violations.Add("follow-up sent while the deferred response was still loading: Discord edits the loading message instead of creating a new one (deprecated; use PATCH @original)");
            return Finish(new RestOutcome(200, original.ToJson()) { MessageId = original.Id });
        }

        var message = NewMessage(state.ChannelId ?? ChannelId, state, 0);
        FillNewMessage(message, payload, parsed);
        state.Followups.Add(message.Id);
        return Finish(new RestOutcome(200, message.ToJson()) { MessageId = message.Id });
    }

    /// <summary>Under the lock: validates an edit payload and applies it.</summary>
    private RestOutcome EditWithPayload(MessageState message, ParsedBody parsed)
    {
        if (parsed.Json is not JsonObject payload)
        {
            return NotAnObject();
        }

        var errors = new FormErrors();
        var violations = new List<string>();
        var mentionsOk = CheckMessagePayload(payload, "", parsed, message, errors, violations);
        RestOutcome outcome = !errors.Any && EditMessage(message, payload, parsed, "", errors, apply: true)
            ? new RestOutcome(200, message.ToJson()) { MessageId = message.Id }
            : RestOutcome.Invalid(errors);
        outcome.AllowedMentionsOk = mentionsOk;
        outcome.Violations.AddRange(violations);
        return outcome;
    }

    private static RestOutcome NotAnObject()
    {
        var errors = new FormErrors();
        errors.Add("", "DICT_TYPE_CONVERT", "Only dictionaries may be used in a DictType");
        return RestOutcome.Invalid(errors);
    }

    private RestOutcome Channel(RouteMatch route, string method, ParsedBody parsed)
    {
        var channelId = route.A!;
        if (!_channels.Contains(channelId))
        {
            return RestOutcome.Error(DiscordErrors.UnknownChannel);
        }

        if (route.Kind == RouteKind.ChannelCreateMessage)
        {
            if (parsed.Json is not JsonObject payload)
            {
                return NotAnObject();
            }

            var errors = new FormErrors();
            var violations = new List<string>();
            var mentionsOk = CheckMessagePayload(payload, "", parsed, null, errors, violations);
            RestOutcome outcome;
            if (errors.Any)
            {
                outcome = RestOutcome.Invalid(errors);
            }
            else if (MessageRules.IsEmpty(payload, parsed.Files.Count))
            {
                outcome = RestOutcome.Error(DiscordErrors.CannotSendEmptyMessage);
            }
            else
            {
                var message = NewMessage(channelId, null, 0);
                FillNewMessage(message, payload, parsed);
                message.Flags &= ~Ephemeral;
                outcome = new RestOutcome(200, message.ToJson()) { MessageId = message.Id };
            }

            outcome.AllowedMentionsOk = mentionsOk;
            outcome.Violations.AddRange(violations);
            return outcome;
        }

        if (!_messages.TryGetValue(route.B!, out var existing) || existing.ChannelId != channelId || existing.Deleted || (existing.Flags & Ephemeral) != 0)
        {
            return RestOutcome.Error(DiscordErrors.UnknownMessage);
        }

        switch (method)
        {
            case "GET":
                return new RestOutcome(200, existing.ToJson()) { MessageId = existing.Id, InteractionId = existing.InteractionId };
            case "DELETE":
                existing.Deleted = true;
                return new RestOutcome(204, null) { MessageId = existing.Id, InteractionId = existing.InteractionId };
            default:
                var edited = EditWithPayload(existing, parsed);
                edited.InteractionId = existing.InteractionId;
                return edited;
        }
    }

    private RestOutcome Commands(RouteMatch route, string method, ParsedBody parsed)
    {
        var guildId = route.B;
        if (route.A != ApplicationId || (guildId is not null && guildId != GuildId))
        {
            return new RestOutcome(403, DiscordErrors.Body(50001, "Missing Access"));
        }

        var key = guildId ?? "";
        if (method == "GET")
        {
            return new RestOutcome(200, _commands.TryGetValue(key, out var existing) ? existing.DeepClone() : new JsonArray());
        }

        if (parsed.Json is not JsonArray commands)
        {
            var errors = new FormErrors();
            errors.Add("", "LIST_TYPE_CONVERT", "Must be an array.");
            return RestOutcome.Invalid(errors);
        }

        var problems = new FormErrors();
        CommandRules.Validate(commands, problems);
        if (problems.Any)
        {
            return RestOutcome.Invalid(problems);
        }

        var stored = new JsonArray();
        foreach (var command in commands.OfType<JsonObject>())
        {
            var type = MessageRules.Int(command["type"]) ?? 1;
            var name = MessageRules.Str(command["name"])!;
            var idKey = $"{key}|{type}|{name}";
            if (!_commandIds.TryGetValue(idKey, out var id))
            {
                id = _ids.Next();
                _commandIds[idKey] = id;
            }

            var result = new JsonObject
            {
                ["id"] = id,
                ["application_id"] = ApplicationId,
                ["version"] = _ids.Next(),
                ["default_member_permissions"] = command["default_member_permissions"]?.DeepClone(),
                ["type"] = type,
                ["name"] = name,
                ["description"] = command["description"]?.DeepClone() ?? "",
                ["dm_permission"] = command["dm_permission"]?.DeepClone() ?? true,
                ["contexts"] = command["contexts"]?.DeepClone() ?? (guildId is null ? new JsonArray(0, 1, 2) : null),
                ["integration_types"] = command["integration_types"]?.DeepClone() ?? new JsonArray(0),
                ["nsfw"] = command["nsfw"]?.DeepClone() ?? false,
            };
            if (guildId is not null)
            {
                result["guild_id"] = guildId;
            }

            if (command["options"] is JsonArray options)
            {
                result["options"] = options.DeepClone();
            }

            stored.Add(result);
        }

        _commands[key] = stored;
        return new RestOutcome(200, stored.DeepClone());
    }
}
