using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace ChatOpsBot.Testing;

/// <summary>Realistic interaction payloads (modelled on the captures in shared/fixtures/discord). Each gets a fresh
/// snowflake id and a fresh token that the fake will honour once the interaction has been sent.</summary>
public sealed partial class FakeDiscord
{
    private const string AppPermissions = "562949953601536";
    private const string MemberPermissions = "2248473465835073";

    /// <summary>A PING (type 1), as Discord sends when the endpoint URL is saved.</summary>
    public JsonObject Ping()
    {
        var id = _ids.Next();
        var ping = new JsonObject
        {
            ["application_id"] = ApplicationId,
            ["id"] = id,
            ["token"] = NewInteractionToken(id),
            ["type"] = 1,
            ["user"] = UserJson(DefaultUser),
            ["version"] = 1,
        };
        return Registered(ping);
    }

    /// <summary>A slash command. <paramref name="path"/> is the command name then the sub-command group and/or
    /// sub-command, e.g. <c>["diagnose", "503"]</c>. Option values: string (STRING), int/long (INTEGER), bool
    /// (BOOLEAN), double (NUMBER). Defaults: <see cref="DefaultUser"/> with its roles, the fake guild,
    /// <see cref="ChannelId"/>. <paramref name="directMessage"/> sends it from a DM (top-level <c>user</c>, no member).</summary>
    public JsonObject SlashCommand(
        IReadOnlyList<string> path,
        IReadOnlyDictionary<string, object>? options = null,
        FakeUser? user = null,
        string? guildId = null,
        string? channelId = null,
        IReadOnlyList<string>? roles = null,
        bool directMessage = false)
    {
        var leafOptions = OptionsJson(options, focused: null, partialValue: null);
        return Registered(Envelope(2, user, roles, guildId, channelId, directMessage, CommandData(path, leafOptions, guildId)));
    }

    /// <summary>An autocomplete interaction (type 4) for <paramref name="path"/>: <paramref name="focusedOption"/> is
    /// being typed with <paramref name="partialValue"/> (a STRING option with <c>focused: true</c>); the other
    /// <paramref name="options"/> are what the user already filled in.</summary>
    public JsonObject Autocomplete(
        IReadOnlyList<string> path,
        string focusedOption,
        string partialValue,
        IReadOnlyDictionary<string, object>? options = null,
        FakeUser? user = null,
        string? channelId = null,
        IReadOnlyList<string>? roles = null)
    {
        var leafOptions = OptionsJson(options, focusedOption, partialValue);
        return Registered(Envelope(4, user, roles, null, channelId, false, CommandData(path, leafOptions, null)));
    }

    /// <summary>A click on a button (type 3). Without <paramref name="messageId"/>, the newest stored message that has
    /// a component with <paramref name="customId"/> is used (throws if there is none). With an id the fake does not
    /// know, a stand-in message carrying that button is stored first (to forge clicks).</summary>
    public JsonObject ButtonClick(string customId, string? messageId = null, FakeUser? user = null, IReadOnlyList<string>? roles = null)
    {
        JsonObject message;
        lock (_gate)
        {
            MessageState? state;
            if (messageId is null)
            {
                state = _messageOrder.Select(id => _messages[id]).LastOrDefault(m => !m.Deleted && MessageRules.CustomIds(m.Body["components"]).Contains(customId))
                    ?? throw new InvalidOperationException($"No stored message has a component with custom_id \"{customId}\".");
            }
            else if (!_messages.TryGetValue(messageId, out state))
            {
                state = new MessageState
                {
                    Id = messageId,
                    ChannelId = ChannelId,
                    GuildId = GuildId,
                    Author = BotUser(),
                    CreatedAt = _time.GetUtcNow(),
                };
                state.Body = new JsonObject
                {
                    ["content"] = "",
                    ["components"] = new JsonArray(new JsonObject
                    {
                        ["type"] = 1,
                        ["components"] = new JsonArray(new JsonObject { ["type"] = 2, ["style"] = 1, ["label"] = customId, ["custom_id"] = customId }),
                    }),
                    ["flags"] = 0,
                };
                state.History.Add(state.ToJson());
                _messages[state.Id] = state;
                _messageOrder.Add(state.Id);
            }

            message = state.ToJson();
        }

        var data = new JsonObject { ["component_type"] = 2, ["custom_id"] = customId };
        var interaction = Envelope(3, user, roles, null, MessageRules.Str(message["channel_id"]), false, data);
        interaction["message"] = message;
        return Registered(interaction);
    }

    private JsonObject Registered(JsonObject interaction)
    {
        lock (_gate)
        {
            Register(interaction);
        }

        return interaction;
    }

    private JsonObject Envelope(int type, FakeUser? user, IReadOnlyList<string>? roles, string? guildId, string? channelId, bool directMessage, JsonObject data)
    {
        user ??= DefaultUser;
        var id = _ids.Next();
        var guild = guildId ?? GuildId;
        var channel = channelId ?? ChannelId;
        var interaction = new JsonObject
        {
            ["app_permissions"] = AppPermissions,
            ["application_id"] = ApplicationId,
            ["attachment_size_limit"] = 10485760,
            ["authorizing_integration_owners"] = new JsonObject { ["0"] = guild },
        };
        if (directMessage)
        {
            interaction["channel"] = new JsonObject
            {
                ["flags"] = 0,
                ["id"] = channel,
                ["last_message_id"] = null,
                ["recipients"] = new JsonArray(UserJson(user)),
                ["type"] = 1,
            };
            interaction["channel_id"] = channel;
            interaction["context"] = 1;
        }
        else
        {
            interaction["channel"] = new JsonObject
            {
                ["flags"] = 0,
                ["guild_id"] = guild,
                ["id"] = channel,
                ["last_message_id"] = null,
                ["name"] = channel == ChannelId ? "incidents" : "general",
                ["nsfw"] = false,
                ["parent_id"] = null,
                ["permissions"] = MemberPermissions,
                ["position"] = 0,
                ["rate_limit_per_user"] = 0,
                ["topic"] = null,
                ["type"] = 0,
            };
            interaction["channel_id"] = channel;
            interaction["context"] = 0;
        }

        interaction["data"] = data;
        interaction["entitlements"] = new JsonArray();
        if (!directMessage)
        {
            interaction["guild"] = new JsonObject { ["features"] = new JsonArray(), ["id"] = guild, ["locale"] = "en-US" };
            interaction["guild_id"] = guild;
            interaction["guild_locale"] = "en-US";
        }

        interaction["id"] = id;
        interaction["locale"] = "en-US";
        if (directMessage)
        {
            interaction["user"] = UserJson(user);
        }
        else
        {
            interaction["member"] = new JsonObject
            {
                ["avatar"] = null,
                ["banner"] = null,
                ["communication_disabled_until"] = null,
                ["deaf"] = false,
                ["flags"] = 0,
                ["joined_at"] = "2024-03-19T17:48:36.147000+00:00",
                ["mute"] = false,
                ["nick"] = null,
                ["pending"] = false,
                ["permissions"] = MemberPermissions,
                ["premium_since"] = null,
                ["roles"] = new JsonArray([.. (roles ?? user.Roles).Select(r => (JsonNode?)r)]),
                ["unusual_dm_activity_until"] = null,
                ["user"] = UserJson(user),
            };
        }

        interaction["token"] = NewInteractionToken(id);
        interaction["type"] = type;
        interaction["version"] = 1;
        return interaction;
    }

    private JsonObject CommandData(IReadOnlyList<string> path, JsonArray leafOptions, string? guildId)
    {
        if (path.Count is < 1 or > 3)
        {
            throw new ArgumentException("The path is the command name plus at most a group and a sub-command.", nameof(path));
        }

        var (commandId, commandGuild) = CommandId(path[0], guildId);
        var data = new JsonObject { ["id"] = commandId, ["name"] = path[0], ["type"] = 1 };
        var options = leafOptions;
        if (path.Count >= 2)
        {
            options = [new JsonObject { ["name"] = path[^1], ["options"] = options, ["type"] = 1 }];
        }

        if (path.Count == 3)
        {
            options = [new JsonObject { ["name"] = path[1], ["options"] = options, ["type"] = 2 }];
        }

        if (options.Count > 0)
        {
            data["options"] = options;
        }

        if (commandGuild is not null)
        {
            data["guild_id"] = commandGuild;
        }

        return data;
    }

    /// <summary>The id the command got when registered (guild first, then global), or a stable made-up one.</summary>
    private (string Id, string? GuildId) CommandId(string name, string? guildId)
    {
        lock (_gate)
        {
            foreach (var key in new[] { guildId ?? GuildId, "" })
            {
                if (_commandIds.TryGetValue($"{key}|1|{name}", out var registered))
                {
                    return (registered, key.Length == 0 ? null : key);
                }
            }

            var madeUp = $"unregistered|1|{name}";
            if (!_commandIds.TryGetValue(madeUp, out var id))
            {
                id = _ids.Next();
                _commandIds[madeUp] = id;
            }

            return (id, null);
        }
    }

    private static JsonArray OptionsJson(IReadOnlyDictionary<string, object>? options, string? focused, string? partialValue)
    {
        var result = new JsonArray();
        foreach (var (name, value) in options ?? new Dictionary<string, object>())
        {
            if (name == focused)
            {
                continue;
            }

            var (type, node) = value switch
            {
                string s => (3, (JsonNode)s),
                bool b => (5, b),
                int i => (4, i),
                long l => (4, l),
                double d => (10, d),
                float f => (10, f),
                decimal m => (10, m),
                _ => (3, Convert.ToString(value, CultureInfo.InvariantCulture) ?? ""),
            };
            result.Add(new JsonObject { ["name"] = name, ["type"] = type, ["value"] = node });
        }

        if (focused is not null)
        {
            result.Add(new JsonObject { ["focused"] = true, ["name"] = focused, ["type"] = 3, ["value"] = partialValue ?? "" });
        }

        return result;
    }

    private static JsonObject UserJson(FakeUser user) => new()
    {
        ["avatar"] = null,
        ["avatar_decoration_data"] = null,
        ["clan"] = null,
        ["discriminator"] = "0",
        ["global_name"] = user.GlobalName,
        ["id"] = user.Id,
        ["primary_guild"] = null,
        ["public_flags"] = 0,
        ["username"] = user.Username,
    };

    /// <summary>Discord's token shape: base64 of <c>interaction:{id}:{random}</c>, no padding.</summary>
    private static string NewInteractionToken(string id) =>
        Convert.ToBase64String(Encoding.ASCII.GetBytes($"interaction:{id}:{RandomNumberGenerator.GetString("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789", 128)}")).TrimEnd('=');
}
