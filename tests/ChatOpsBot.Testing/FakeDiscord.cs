using System.Net;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using NSec.Cryptography;

namespace ChatOpsBot.Testing;

/// <summary>A loopback fake of Discord for end-to-end tests: it signs and sends interactions to the bot like Discord,
/// serves the REST API the bot calls under <see cref="ApiBaseUrl"/>, enforces Discord's rules (3 s deadline, single
/// acknowledgement, 15 min tokens, bot-token auth, message limits), records everything in order, stores messages,
/// and answers 429 on demand. Thread-safe. See README.md.</summary>
public sealed partial class FakeDiscord : IAsyncDisposable
{
    private static readonly TimeSpan DefaultWait = TimeSpan.FromSeconds(10);

    private readonly Lock _gate = new();
    private readonly FakeDiscordOptions _options;
    private readonly TimeProvider _time;
    private readonly Snowflakes _ids;
    private readonly Key _key;
    private readonly HttpClient _botClient;
    private readonly RateLimitBook _rateLimits;
    private readonly Dictionary<string, InteractionState> _interactions = new(StringComparer.Ordinal);
    private readonly Dictionary<string, InteractionState> _interactionsByToken = new(StringComparer.Ordinal);
    private readonly Dictionary<string, MessageState> _messages = new(StringComparer.Ordinal);
    private readonly List<string> _messageOrder = [];
    private readonly HashSet<string> _channels = new(StringComparer.Ordinal);
    private readonly Dictionary<string, JsonArray> _commands = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _commandIds = new(StringComparer.Ordinal);
    private readonly List<RecordedCall> _calls = [];
    private readonly List<InteractionReply> _replies = [];
    private readonly List<Waiter> _waiters = [];
    private WebApplication? _app;
    private long _sequence;

    private FakeDiscord(FakeDiscordOptions options)
    {
        _options = options;
        _time = options.TimeProvider;
        _ids = new Snowflakes(_time);
        _key = Key.Create(SignatureAlgorithm.Ed25519, new KeyCreationParameters { ExportPolicy = KeyExportPolicies.None });
        PublicKeyHex = Convert.ToHexStringLower(_key.PublicKey.Export(KeyBlobFormat.RawPublicKey));
        _botClient = new HttpClient(new SocketsHttpHandler { UseCookies = false, AllowAutoRedirect = false }) { Timeout = Timeout.InfiniteTimeSpan };
        _rateLimits = new RateLimitBook(options, _time);
        ApplicationId = options.ApplicationId ?? _ids.Next();
        BotToken = options.BotToken ?? $"{Convert.ToBase64String(System.Text.Encoding.ASCII.GetBytes(ApplicationId)).TrimEnd('=')}.{RandomToken(6)}.{RandomToken(38)}";
        GuildId = _ids.Next();
        ChannelId = _ids.Next();
        OtherChannelId = _ids.Next();
        ResponderRoleId = _ids.Next();
        _channels.Add(ChannelId);
        _channels.Add(OtherChannelId);
        DefaultUser = CreateUser("oncall", [ResponderRoleId]);
        Outsider = CreateUser("visitor", []);
    }

    /// <summary>The REST base the bot must use, e.g. <c>http://127.0.0.1:41234/api/v10/</c> (trailing slash).</summary>
    public Uri ApiBaseUrl { get; private set; } = new("http://127.0.0.1/api/v10/");

    /// <summary>The application id (also the bot user's id and the webhook id of interaction messages).</summary>
    public string ApplicationId { get; }

    /// <summary>The application's Ed25519 public key, 64 lower-case hex characters: configure the bot with it.</summary>
    public string PublicKeyHex { get; }

    /// <summary>The bot token the channel and command routes expect as <c>Authorization: Bot {BotToken}</c>.</summary>
    public string BotToken { get; }

    /// <summary>The fake guild. Its @everyone role has the same id.</summary>
    public string GuildId { get; }

    /// <summary>The incident channel, where interactions come from by default.</summary>
    public string ChannelId { get; }

    /// <summary>A second text channel of the guild.</summary>
    public string OtherChannelId { get; }

    /// <summary>A role <see cref="DefaultUser"/> holds (e.g. to configure the bot's access list).</summary>
    public string ResponderRoleId { get; }

    /// <summary>A guild member holding <see cref="ResponderRoleId"/>: the default invoker.</summary>
    public FakeUser DefaultUser { get; }

    /// <summary>A guild member with no roles.</summary>
    public FakeUser Outsider { get; }

    /// <summary>The clock the fake judges deadlines by.</summary>
    public TimeProvider TimeProvider => _time;

    /// <summary>Every call so far, in order.</summary>
    public IReadOnlyList<RecordedCall> Calls
    {
        get
        {
            lock (_gate)
            {
                return [.. _calls];
            }
        }
    }

    /// <summary>Every HTTP reply of the bot to an interaction, in order.</summary>
    public IReadOnlyList<InteractionReply> Replies
    {
        get
        {
            lock (_gate)
            {
                return [.. _replies];
            }
        }
    }

    /// <summary>Starts Kestrel on 127.0.0.1 with a free port.</summary>
    public static async Task<FakeDiscord> StartAsync(FakeDiscordOptions? options = null, CancellationToken cancellationToken = default)
    {
        var fake = new FakeDiscord(options ?? new FakeDiscordOptions());
        try
        {
            await fake.StartServerAsync(cancellationToken);
            return fake;
        }
        catch
        {
            await fake.DisposeAsync();
            throw;
        }
    }

    private async Task StartServerAsync(CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = [] });
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.Listen(IPAddress.Loopback, 0);
            kestrel.Limits.MaxRequestBodySize = 32L * 1024 * 1024;
        });
        _app = builder.Build();
        _app.Run(HandleAsync);
        await _app.StartAsync(cancellationToken);
        var address = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        ApiBaseUrl = new Uri(new Uri(address.Replace("[::]", "127.0.0.1", StringComparison.Ordinal)), "/api/v10/");
    }

    /// <summary>Creates another guild member (roles are role ids; none by default).</summary>
    public FakeUser CreateUser(string username, IReadOnlyList<string>? roles = null) =>
        new(_ids.Next(), username, char.ToUpperInvariant(username[0]) + username[1..], roles ?? []);

    /// <summary>Adds a text channel to the guild and returns its id (channel routes answer 10003 for unknown ones).</summary>
    public string AddChannel()
    {
        var id = _ids.Next();
        lock (_gate)
        {
            _channels.Add(id);
        }

        return id;
    }

    /// <summary>Signs <c>timestamp + body</c> with the application's private key; 128 lower-case hex characters.</summary>
    public string Sign(string timestamp, ReadOnlySpan<byte> body)
    {
        var message = new byte[System.Text.Encoding.UTF8.GetByteCount(timestamp) + body.Length];
        var n = System.Text.Encoding.UTF8.GetBytes(timestamp, message);
        body.CopyTo(message.AsSpan(n));
        return Convert.ToHexStringLower(SignatureAlgorithm.Ed25519.Sign(_key, message));
    }

    /// <summary>Makes the next <paramref name="times"/> requests on <paramref name="route"/> (a <see cref="DiscordRoutes"/>
    /// constant, or <see cref="DiscordRoutes.Any"/>) answer 429 with Discord's body and headers.</summary>
    public void RateLimitNext(string route, int times = 1, RateLimitScope scope = RateLimitScope.User, TimeSpan? retryAfter = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(times);
        _rateLimits.Inject(route, times, scope, retryAfter ?? TimeSpan.FromMilliseconds(250));
    }

    /// <summary>What the fake knows about an interaction (built or sent).</summary>
    public FakeInteraction GetInteraction(string interactionId)
    {
        lock (_gate)
        {
            return _interactions.TryGetValue(interactionId, out var state)
                ? state.Snapshot()
                : throw new KeyNotFoundException($"No interaction {interactionId}.");
        }
    }

    /// <summary>The current state of the message <c>@original</c> of an interaction refers to, or null.</summary>
    public FakeMessage? OriginalResponse(string interactionId)
    {
        lock (_gate)
        {
            return _interactions.TryGetValue(interactionId, out var state) && state.OriginalMessageId is { } id
                ? _messages[id].Snapshot()
                : null;
        }
    }

    /// <summary>The follow-up messages of an interaction, oldest first.</summary>
    public IReadOnlyList<FakeMessage> Followups(string interactionId)
    {
        lock (_gate)
        {
            return _interactions.TryGetValue(interactionId, out var state)
                ? [.. state.Followups.Select(id => _messages[id].Snapshot())]
                : [];
        }
    }

    /// <summary>A message by id, or null.</summary>
    public FakeMessage? GetMessage(string messageId)
    {
        lock (_gate)
        {
            return _messages.TryGetValue(messageId, out var message) ? message.Snapshot() : null;
        }
    }

    /// <summary>All messages of a channel (including deleted and ephemeral ones), oldest first.</summary>
    public IReadOnlyList<FakeMessage> ChannelMessages(string channelId)
    {
        lock (_gate)
        {
            return [.. _messageOrder.Select(id => _messages[id]).Where(m => m.ChannelId == channelId).Select(m => m.Snapshot())];
        }
    }

    /// <summary>The calls that concern one interaction (its reply, callback, webhook calls), in order.</summary>
    public IReadOnlyList<RecordedCall> CallsFor(string interactionId)
    {
        lock (_gate)
        {
            return [.. _calls.Where(c => c.InteractionId == interactionId)];
        }
    }

    /// <summary>The commands last registered with PUT (global when <paramref name="guildId"/> is null).</summary>
    public IReadOnlyList<JsonObject> RegisteredCommands(string? guildId = null)
    {
        lock (_gate)
        {
            return _commands.TryGetValue(guildId ?? "", out var list)
                ? [.. list.Select(c => (JsonObject)c!.DeepClone())]
                : [];
        }
    }

    /// <summary>Puts a message into a channel as if someone had posted it (e.g. an old bot message to click on).</summary>
    public string SeedMessage(string channelId, JsonObject body)
    {
        lock (_gate)
        {
            _channels.Add(channelId);
            var message = NewMessage(channelId, interaction: null, messageType: 0);
            message.Body = Pick(body);
            message.History.Add(message.ToJson());
            return message.Id;
        }
    }

    /// <summary>Waits (bounded, default 10 s) until a call matching <paramref name="predicate"/> has been recorded,
    /// including calls recorded before the wait. The predicate runs under the fake's lock: keep it pure.</summary>
    public async Task<RecordedCall> WaitForCallAsync(Func<RecordedCall, bool> predicate, TimeSpan? timeout = null, CancellationToken cancellationToken = default)
    {
        RecordedCall? found = null;
        await WaitUntilAsync(() => (found = _calls.FirstOrDefault(predicate)) is not null, timeout, "a call matching the predicate", cancellationToken);
        return found!;
    }

    /// <summary>Waits (bounded) until the interaction's <c>@original</c> message exists and satisfies
    /// <paramref name="predicate"/> (e.g. <c>m =&gt; !m.Loading</c>); returns that state.</summary>
    public async Task<FakeMessage> WaitForOriginalAsync(string interactionId, Func<FakeMessage, bool> predicate, TimeSpan? timeout = null, CancellationToken cancellationToken = default)
    {
        FakeMessage? found = null;
        await WaitUntilAsync(
            () =>
            {
                if (_interactions.TryGetValue(interactionId, out var state) && state.OriginalMessageId is { } id)
                {
                    var snapshot = _messages[id].Snapshot();
                    if (predicate(snapshot))
                    {
                        found = snapshot;
                        return true;
                    }
                }

                return false;
            },
            timeout,
            $"@original of interaction {interactionId} to match the predicate",
            cancellationToken);
        return found!;
    }

    private async Task WaitUntilAsync(Func<bool> condition, TimeSpan? timeout, string what, CancellationToken cancellationToken)
    {
        Waiter waiter;
        lock (_gate)
        {
            if (condition())
            {
                return;
            }

            waiter = new Waiter(condition, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
            _waiters.Add(waiter);
        }

        try
        {
            await waiter.Completion.Task.WaitAsync(timeout ?? DefaultWait, cancellationToken);
        }
        catch (TimeoutException)
        {
            lock (_gate)
            {
                _waiters.Remove(waiter);
                throw new TimeoutException($"Timed out after {(timeout ?? DefaultWait).TotalSeconds:F1} s waiting for {what}. Calls so far:{Environment.NewLine}{string.Join(Environment.NewLine, _calls)}");
            }
        }
        finally
        {
            lock (_gate)
            {
                _waiters.Remove(waiter);
            }
        }
    }

    /// <summary>Under the lock: re-checks every waiter after a state change.</summary>
    private void NotifyWaiters()
    {
        for (var i = _waiters.Count - 1; i >= 0; i--)
        {
            var waiter = _waiters[i];
            try
            {
                if (waiter.Condition())
                {
                    _waiters.RemoveAt(i);
                    waiter.Completion.TrySetResult();
                }
            }
            catch (Exception e)
            {
                _waiters.RemoveAt(i);
                waiter.Completion.TrySetException(e);
            }
        }
    }

    /// <summary>Under the lock: appends a call (assigning its sequence number) and wakes waiters.</summary>
    private RecordedCall Record(Func<long, RecordedCall> create)
    {
        var call = create(++_sequence);
        _calls.Add(call);
        NotifyWaiters();
        return call;
    }

    private static string RandomToken(int length)
    {
        const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
        return RandomNumberGenerator.GetString(alphabet, length);
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.StopAsync(CancellationToken.None);
            await _app.DisposeAsync();
            _app = null;
        }

        _botClient.Dispose();
        _key.Dispose();
        lock (_gate)
        {
            foreach (var waiter in _waiters)
            {
                waiter.Completion.TrySetCanceled();
            }

            _waiters.Clear();
        }
    }
}
