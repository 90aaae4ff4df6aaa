using System.Text.Json;
using System.Text.Json.Nodes;
using ChatOpsBot.Discord.Interactions;

namespace ChatOpsBot.Discord.Hosting;

/// <summary>The body of the HTTP reply to an interaction: the interaction callback <c>{type, data}</c>.</summary>
public sealed record InteractionReply(CallbackType Type, JsonObject? Data)
{
    public static InteractionReply Pong { get; } = new(CallbackType.Pong, null);

    /// <summary>"The bot is thinking…" — the message is edited once the work is done.</summary>
    public static InteractionReply Deferred(bool ephemeral) =>
        new(CallbackType.DeferredChannelMessageWithSource, ephemeral ? new JsonObject { ["flags"] = 64 } : null);

    public byte[] ToUtf8()
    {
        var o = new JsonObject { ["type"] = (int)Type };
        if (Data is not null)
        {
            o["data"] = Data.DeepClone();
        }

        return JsonSerializer.SerializeToUtf8Bytes(o);
    }
}
