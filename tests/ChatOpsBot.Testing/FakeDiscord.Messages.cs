using System.Text.Json.Nodes;

namespace ChatOpsBot.Testing;

/// <summary>Message storage and the initial-response rules shared by the HTTP reply and the REST callback.</summary>
public sealed partial class FakeDiscord
{
    private const int Ephemeral = 64;
    private const int LoadingFlag = 128;
    private const int CreatableFlags = 4 | Ephemeral | 4096 | 8192 | MessageRules.IsComponentsV2;
    private static readonly string[] MessageFields = ["content", "embeds", "components", "tts", "poll", "sticker_ids"];

    private JsonObject BotUser() => new()
    {
        ["id"] = ApplicationId,
        ["username"] = "ChatOpsBot",
        ["avatar"] = null,
        ["discriminator"] = "0000",
        ["public_flags"] = 0,
        ["bot"] = true,
        ["global_name"] = null,
    };

    /// <summary>Under the lock: a new, empty message of the bot.</summary>
    private MessageState NewMessage(string channelId, InteractionState? interaction, int messageType)
    {
        JsonObject? metadata = null;
        if (interaction is not null)
        {
            var user = MessageRules.Get(interaction.Payload["member"], "user") ?? interaction.Payload["user"];
            metadata = new JsonObject
            {
                ["id"] = interaction.Id,
                ["type"] = interaction.Type,
                ["user"] = user?.DeepClone(),
                ["authorizing_integration_owners"] = interaction.Payload["authorizing_integration_owners"]?.DeepClone() ?? new JsonObject(),
            };
            if (MessageRules.Get(interaction.Payload["data"], "name") is { } name && interaction.Type == 2)
            {
                metadata["name"] = name.DeepClone();
            }
        }

        var message = new MessageState
        {
            Id = _ids.Next(),
            ChannelId = channelId,
            GuildId = GuildId,
            InteractionId = interaction?.Id,
            MessageType = messageType,
            Author = BotUser(),
            WebhookId = interaction is null ? null : ApplicationId,
            ApplicationId = interaction is null ? null : ApplicationId,
            InteractionMetadata = metadata,
            CreatedAt = _time.GetUtcNow(),
        };
        _messages[message.Id] = message;
        _messageOrder.Add(message.Id);
        return message;
    }

    private static JsonObject Pick(JsonObject payload)
    {
        var body = new JsonObject();
        foreach (var field in MessageFields)
        {
            if (payload[field] is { } value)
            {
                body[field] = value.DeepClone();
            }
        }

        body["flags"] = (MessageRules.Int(payload["flags"]) ?? 0) & CreatableFlags;
        return body;
    }

    /// <summary>Under the lock: fills a new message from a create payload (already validated).</summary>
    private void FillNewMessage(MessageState message, JsonObject payload, ParsedBody parsed)
    {
        message.Body = Pick(payload);
        message.Attachments = NewAttachments(payload["attachments"] as JsonArray, parsed.Files);
        message.History.Add(message.ToJson());
    }

    /// <summary>Under the lock: checks that an edit leaves a valid message; applies it when <paramref name="apply"/>.</summary>
    private bool EditMessage(MessageState message, JsonObject payload, ParsedBody parsed, string prefix, FormErrors errors, bool apply)
    {
        var body = (JsonObject)message.Body.DeepClone();
        foreach (var field in MessageFields)
        {
            if (payload.TryGetPropertyValue(field, out var value))
            {
                if (value is null)
                {
                    body.Remove(field);
                }
                else
                {
                    body[field] = value.DeepClone();
                }
            }
        }

        var oldFlags = message.Flags;
        var flags = payload.ContainsKey("flags")
            ? ((MessageRules.Int(payload["flags"]) ?? 0) & (4 | 4096 | MessageRules.IsComponentsV2)) | (oldFlags & (Ephemeral | MessageRules.IsComponentsV2))
            : oldFlags;
        flags &= ~LoadingFlag;
        body["flags"] = flags;
        if ((flags & MessageRules.IsComponentsV2) != 0)
        {
            if (MessageRules.Str(body["content"]) is { Length: > 0 })
            {
                errors.Add(prefix + "content", "MESSAGE_CANNOT_USE_LEGACY_FIELDS_WITH_COMPONENTS_V2", "The message has IS_COMPONENTS_V2: set content to null in the same edit");
            }

            if (body["embeds"] is JsonArray { Count: > 0 })
            {
                errors.Add(prefix + "embeds", "MESSAGE_CANNOT_USE_LEGACY_FIELDS_WITH_COMPONENTS_V2", "The message has IS_COMPONENTS_V2: set embeds to null in the same edit");
            }
        }

        if (errors.Any || !apply)
        {
            return !errors.Any;
        }

        List<FakeAttachment> attachments;
        if (payload["attachments"] is JsonArray listed)
        {
            var keep = listed.Select(a => MessageRules.Get(a, "id")?.ToString()).OfType<string>().ToHashSet(StringComparer.Ordinal);
            attachments = [.. message.Attachments.Where(a => keep.Contains(a.Id)), .. NewAttachments(listed, parsed.Files)];
        }
        else
        {
            attachments = [.. message.Attachments, .. NewAttachments(null, parsed.Files)];
        }

        message.Body = body;
        message.Attachments = attachments;
        message.EditedAt = _time.GetUtcNow();
        message.History.Add(message.ToJson());
        return true;
    }

    private List<FakeAttachment> NewAttachments(JsonArray? entries, IReadOnlyList<UploadedFile> files)
    {
        var result = new List<FakeAttachment>();
        foreach (var file in files)
        {
            var entry = EntryFor(entries, file);
            result.Add(new FakeAttachment(
                _ids.Next(),
                MessageRules.Str(entry?["filename"]) ?? file.FileName,
                file.ContentType,
                MessageRules.Str(entry?["description"]),
                file.Content));
        }

        return result;
    }

    /// <summary>The <c>attachments</c> entry describing <c>files[n]</c> (id n), if any.</summary>
    private static JsonObject? EntryFor(JsonArray? entries, UploadedFile file) =>
        file.Index is { } n
            ? entries?.OfType<JsonObject>().FirstOrDefault(e => e["id"]?.ToString() == n.ToString(System.Globalization.CultureInfo.InvariantCulture))
            : null;

    private IReadOnlySet<string> AttachmentIds(MessageState? message) =>
        message?.Attachments.Select(a => a.Id).ToHashSet(StringComparer.Ordinal) ?? [];

    /// <summary>
    /// Every <c>attachment://name</c> in the embeds must name a file the message has after this request: an upload in
    /// this body, or an attachment it keeps (listed by id in <c>attachments</c>, or all of them when an edit leaves the
    /// field out). Only .jpg/.jpeg/.png/.webp/.gif can be shown that way (reference §2).
    /// </summary>
    private static void CheckAttachmentReferences(JsonObject payload, string prefix, ParsedBody parsed, MessageState? existing, FormErrors errors)
    {
        if (payload["embeds"] is not JsonArray embeds)
        {
            return;
        }

        var names = new HashSet<string>(StringComparer.Ordinal);
        var listed = payload["attachments"] as JsonArray;
        foreach (var file in parsed.Files)
        {
            var entry = EntryFor(listed, file);
            names.Add(MessageRules.Str(entry?["filename"]) ?? file.FileName);
        }

        if (existing is not null)
        {
            var keep = listed?.Select(a => MessageRules.Get(a, "id")?.ToString()).OfType<string>().ToHashSet(StringComparer.Ordinal);
            foreach (var a in existing.Attachments.Where(a => keep is null || keep.Contains(a.Id)))
            {
                names.Add(a.FileName);
            }
        }

        for (var i = 0; i < embeds.Count; i++)
        {
            foreach (var part in new[] { "image", "thumbnail" })
            {
                if (MessageRules.Str(MessageRules.Get(embeds[i], part)?["url"]) is not { } url || !url.StartsWith("attachment://", StringComparison.Ordinal))
                {
                    continue;
                }

                var name = url["attachment://".Length..];
                var extension = Path.GetExtension(name).ToLowerInvariant();
                if (extension is not (".png" or ".jpg" or ".jpeg" or ".webp" or ".gif"))
                {
                    errors.Add($"{prefix}embeds.{i}.{part}.url", "URL_TYPE_INVALID_ATTACHMENT", $"attachment:// works only for .jpg, .jpeg, .png, .webp and .gif files, not '{name}'.");
                }
                else if (!names.Contains(name))
                {
                    errors.Add($"{prefix}embeds.{i}.{part}.url", "ATTACHMENT_NOT_FOUND", $"'{name}' is not attached to the message (neither uploaded in this request nor kept by id).");
                }
            }
        }
    }

    /// <summary>Under the lock: checks a message payload; fills <paramref name="errors"/>; returns the mention verdict
    /// and adds notes (allowed_mentions, additional validator) to <paramref name="violations"/>.</summary>
    private bool? CheckMessagePayload(JsonObject payload, string prefix, ParsedBody parsed, MessageState? existing, FormErrors errors, List<string> violations)
    {
        MessageRules.Validate(payload, prefix, errors, parsed.FileIndexes, AttachmentIds(existing));
        CheckAttachmentReferences(payload, prefix, parsed, existing, errors);
        var mentionsOk = MessageRules.AllowedMentionsOk(payload);
        if (mentionsOk == false)
        {
            violations.Add("allowed_mentions is missing or its parse is not [] (user text could ping @everyone/roles)");
        }

        if (_options.AdditionalMessageValidator is { } validator)
        {
            violations.AddRange(validator((JsonObject)payload.DeepClone()).Select(v => "validator: " + v));
        }

        return mentionsOk;
    }

    /// <summary>Under the lock: judges an initial response (HTTP reply body or REST callback) for an interaction that
    /// is known, sent, within its deadline and not yet acknowledged, and applies it when valid.</summary>
    private RestOutcome ApplyInitialResponse(InteractionState state, JsonNode? responseNode, ParsedBody parsed, AcknowledgementKind via)
    {
        var errors = new FormErrors();
        var violations = new List<string>();
        bool? mentionsOk = null;
        if (responseNode is not JsonObject response)
        {
            errors.Add("", "DICT_TYPE_CONVERT", "The interaction response must be a JSON object.");
            return Finish(RestOutcome.Invalid(errors));
        }

        var type = MessageRules.Int(response["type"]);
        int[] allowed = state.Type switch
        {
            1 => [1],
            2 => [4, 5, 9],
            3 => [4, 5, 6, 7, 9],
            4 => [8],
            5 => [4, 5, 6, 7],
            _ => [],
        };
        if (type is null)
        {
            errors.Required("type");
            return Finish(RestOutcome.Invalid(errors));
        }

        if (!allowed.Contains(type.Value))
        {
            errors.Add("type", "INTERACTION_RESPONSE_TYPE_INVALID", $"Callback type {type} is not valid for an interaction of type {state.Type} (allowed: {string.Join(", ", allowed)}).");
            return Finish(RestOutcome.Invalid(errors));
        }

        if (response["data"] is { } dataNode && dataNode is not JsonObject)
        {
            errors.Add("data", "DICT_TYPE_CONVERT", "Only dictionaries may be used in a DictType");
            return Finish(RestOutcome.Invalid(errors));
        }

        var data = response["data"] as JsonObject ?? [];
        var componentMessage = state.ComponentMessageId is { } cm && _messages.TryGetValue(cm, out var found) ? found : null;
        switch (type)
        {
            case 4:
                mentionsOk = CheckMessagePayload(data, "data.", parsed, null, errors, violations);
                if (!errors.Any && MessageRules.IsEmpty(data, parsed.Files.Count))
                {
                    return Finish(RestOutcome.Error(DiscordErrors.CannotSendEmptyMessage));
                }

                break;
            case 7:
                mentionsOk = CheckMessagePayload(data, "data.", parsed, componentMessage, errors, violations);
                if (!errors.Any && componentMessage is not null)
                {
                    EditMessage(componentMessage, data, parsed, "data.", errors, apply: false);
                }

                break;
            case 5:
                var deferFlags = MessageRules.Int(data["flags"]) ?? 0;
                if ((deferFlags & ~Ephemeral) != 0)
                {
                    errors.Add("data.flags", "INTERACTION_DEFERRED_FLAGS_INVALID", $"Only EPHEMERAL (64) may be set on a deferred response (got {deferFlags}).");
                }

                break;
            case 8:
                var choices = data["choices"] as JsonArray;
                if (choices is null)
                {
                    errors.Required("data.choices");
                }
                else
                {
                    if (choices.Count > 25)
                    {
                        errors.MaxLength("data.choices", 25);
                    }

                    for (var i = 0; i < choices.Count; i++)
                    {
                        var name = MessageRules.Str(MessageRules.Get(choices[i], "name"));
                        if (name is null || MessageRules.Length(name) is < 1 or > 100)
                        {
                            errors.BadLength($"data.choices.{i}.name", 1, 100);
                        }

                        var value = MessageRules.Get(choices[i], "value");
                        if (value is null)
                        {
                            errors.Required($"data.choices.{i}.value");
                        }
                        else if (MessageRules.Str(value) is { } text && MessageRules.Length(text) > 100)
                        {
                            errors.MaxLength($"data.choices.{i}.value", 100);
                        }
                    }
                }

                break;
            case 9:
                var customId = MessageRules.Str(data["custom_id"]);
                if (customId is null || MessageRules.Length(customId) is < 1 or > 100)
                {
                    errors.BadLength("data.custom_id", 1, 100);
                }

                var title = MessageRules.Str(data["title"]);
                if (title is null || MessageRules.Length(title) is < 1 or > 45)
                {
                    errors.BadLength("data.title", 1, 45);
                }

                if ((data["components"] as JsonArray)?.Count is not (>= 1 and <= 5))
                {
                    errors.BadLength("data.components", 1, 5);
                }

                break;
        }

        if (errors.Any)
        {
            return Finish(RestOutcome.Invalid(errors));
        }

        state.Acknowledgement = via;
        state.AcknowledgedAt = _time.GetUtcNow();
        state.InitialResponse = (JsonObject)response.DeepClone();
        var channel = state.ChannelId ?? ChannelId;
        switch (type)
        {
            case 4:
                var created = NewMessage(channel, state, state.Type == 2 ? 20 : 0);
                FillNewMessage(created, data, parsed);
                state.OriginalMessageId = created.Id;
                break;
            case 5:
                var loading = NewMessage(channel, state, state.Type == 2 ? 20 : 0);
                loading.Flags = LoadingFlag | ((MessageRules.Int(data["flags"]) ?? 0) & Ephemeral);
                loading.History.Add(loading.ToJson());
                state.OriginalMessageId = loading.Id;
                break;
            case 6 or 7:
                componentMessage ??= StandInComponentMessage(state);
                if (type == 7)
                {
                    EditMessage(componentMessage, data, parsed, "data.", errors, apply: true);
                }

                state.OriginalMessageId = componentMessage.Id;
                break;
        }

        var ok = new RestOutcome(204, null) { MessageId = state.OriginalMessageId };
        return Finish(ok);

        RestOutcome Finish(RestOutcome outcome)
        {
            outcome.InteractionId = state.Id;
            outcome.InteractionToken = state.Token;
            outcome.AllowedMentionsOk = mentionsOk;
            outcome.Violations.AddRange(violations);
            return outcome;
        }
    }

    /// <summary>Under the lock: the message a component interaction came from, when the fake never stored it.</summary>
    private MessageState StandInComponentMessage(InteractionState state)
    {
        var payload = state.Payload["message"] as JsonObject ?? [];
        var message = new MessageState
        {
            Id = state.ComponentMessageId ?? _ids.Next(),
            ChannelId = MessageRules.Str(payload["channel_id"]) ?? state.ChannelId ?? ChannelId,
            GuildId = GuildId,
            MessageType = MessageRules.Int(payload["type"]) ?? 0,
            Author = payload["author"]?.DeepClone() as JsonObject ?? BotUser(),
            CreatedAt = _time.GetUtcNow(),
        };
        message.Body = Pick(payload);
        message.History.Add(message.ToJson());
        _messages[message.Id] = message;
        _messageOrder.Add(message.Id);
        return message;
    }
}
